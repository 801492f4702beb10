import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { queryOnce } from "./testing/admin";

const dataDir = mkdtempSync(join(tmpdir(), "goldloop-embedded-"));
// mkdtemp makes a private folder; as root, Postgres runs as another user who must be able to enter it.
chmodSync(dataDir, 0o755);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("embedded Postgres", () => {
  it("explains when its user cannot enter the data folder", async () => {
    const privateDir = mkdtempSync(join(tmpdir(), "goldloop-private-"));
    try {
      const start = startEmbeddedPostgres({ dataDir: join(privateDir, "data") });
      if (process.getuid?.() === 0) await expect(start).rejects.toThrow(/cannot enter/);
      else await (await start).stop();
    } finally {
      rmSync(privateDir, { recursive: true, force: true });
    }
  });

  it("initialises real PostgreSQL, keeps data across restarts, and lends a running server to a second process", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.isOwner).toBe(true);
    await queryOnce(first.connectionString, "create table notes (body text); insert into notes values ('kept')");

    const borrower = await startEmbeddedPostgres({ dataDir });
    expect(borrower).toMatchObject({ isOwner: false, port: first.port });
    await borrower.stop();
    await expect(queryOnce(first.connectionString, "select body from notes")).resolves.toEqual([{ body: "kept" }]);

    await first.stop();
    await expect(queryOnce(first.connectionString, "select 1")).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      await expect(queryOnce(second.connectionString, "select body from notes")).resolves.toEqual([{ body: "kept" }]);
      const [version] = await queryOnce(second.connectionString, "show server_version_num");
      expect(Number(version?.server_version_num)).toBeGreaterThanOrEqual(150000);
    } finally {
      await second.stop();
    }
  });
});
