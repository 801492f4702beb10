import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import { queryOnce } from "./testing/admin";
import { isProcessAlive, readRunningPostmaster } from "./embedded-os";

const root = fileURLToPath(new URL("..", import.meta.url));
const folders: string[] = [];

function makeDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), "goldloop-supervised-"));
  // mkdtemp makes a private folder; as root, Postgres runs as another user who must be able to enter it.
  chmodSync(dataDir, 0o755);
  folders.push(dataDir);
  return dataDir;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const postmasterPid = (dataDir: string) => readRunningPostmaster(join(dataDir, "postgres"))?.pid;

/** Kills the postmaster as a crash would, and waits until the supervisor reports a new one; returns the killed pid. */
async function crashAndAwaitRestart(dataDir: string, postgres: EmbeddedPostgres, lines: string[]): Promise<number> {
  const killed = postmasterPid(dataDir)!;
  const restarts = () => lines.filter((line) => line.startsWith("info: embedded Postgres restarted")).length;
  const restartsBefore = restarts();
  process.kill(killed, "SIGKILL");
  await expect.poll(restarts, { timeout: 60_000 }).toBe(restartsBefore + 1);
  expect(lines.at(-1)).toMatch(new RegExp(`^info: embedded Postgres restarted on port ${postgres.port} \\(pid ${postmasterPid(dataDir)}\\)`));
  await expect(queryOnce(postgres.connectionString, "select 1 as up")).resolves.toEqual([{ up: 1 }]);
  return killed;
}

describe("supervised embedded Postgres", () => {
  it("restarts a postmaster killed with SIGKILL on the same port, keeping the data, and logs it", async () => {
    const dataDir = makeDataDir();
    const lines: string[] = [];
    const postgres = await startEmbeddedPostgres({ dataDir, log: (message, level) => lines.push(`${level}: ${message}`) });
    try {
      await queryOnce(postgres.connectionString, "create table notes (body text); insert into notes values ('kept')");
      // A backend busy computing outlives its postmaster (waits such as pg_sleep notice the death; this
      // does not) and keeps the shared memory a new postmaster needs.
      const busy = new pg.Client({ connectionString: postgres.connectionString });
      await busy.connect();
      busy.on("error", () => {});
      const busyQuery = busy.query("select count(*) from (select generate_series(1, 10000000000000)) as endless").then(
        () => "finished",
        (error: Error) => error.message,
      );
      const killed = await crashAndAwaitRestart(dataDir, postgres, lines);
      expect(await busyQuery).toMatch(/terminat|ECONNRESET/i);
      expect(lines).toContainEqual(expect.stringMatching(/^warn: killed [1-9]\d* backend\(s\) the dead postmaster left running$/));
      await busy.end().catch(() => {});
      expect(isProcessAlive(killed)).toBe(false);
      await expect(queryOnce(postgres.connectionString, "select body from notes")).resolves.toEqual([{ body: "kept" }]);
      expect(lines).toContainEqual(`warn: embedded Postgres (pid ${killed}) exited unexpectedly; restarting it on port ${postgres.port}`);

      await crashAndAwaitRestart(dataDir, postgres, lines);
      await expect(queryOnce(postgres.connectionString, "select count(*)::int as notes from notes")).resolves.toEqual([{ notes: 1 }]);
    } finally {
      await postgres.stop();
    }
    // Stopping is not a crash: nothing restarts it.
    expect(postmasterPid(dataDir)).toBeUndefined();
    expect(lines.filter((line) => line.includes("exited unexpectedly"))).toHaveLength(2);
  });

  it("watches a postmaster adopted from a server that crashed, which is not its child", async () => {
    const dataDir = makeDataDir();
    // A server that starts Postgres and then dies without stopping it, as a crash would.
    const crashedServer = spawn(
      `${root}/node_modules/.bin/tsx`,
      ["-e", `import("./db/embedded.ts").then(async (m) => { await m.startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} }); process.kill(process.pid, "SIGKILL"); })`],
      { cwd: root, stdio: "inherit" },
    );
    await new Promise((done) => crashedServer.once("exit", done));
    const orphan = postmasterPid(dataDir);
    expect(orphan).toBeDefined();

    const lines: string[] = [];
    const adopted = await startEmbeddedPostgres({ dataDir, adoptOrphan: true, log: (message, level) => lines.push(`${level}: ${message}`) });
    try {
      expect(adopted.isOwner).toBe(true);
      expect(await crashAndAwaitRestart(dataDir, adopted, lines)).toBe(orphan);
    } finally {
      await adopted.stop();
    }
    expect(postmasterPid(dataDir)).toBeUndefined();
  });
});
