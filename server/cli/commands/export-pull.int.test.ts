import { readFileSync, statSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as pullRelease } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { createLoopDataset, ingestAndReview, publishLoopRelease, startProductLoop } from "@/server/datasets/formats/test-support";
import { runCliCaptured } from "../test-support";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let loop: Awaited<ReturnType<typeof startProductLoop>>;
let datasetId = "";
let readerKey = "";
let server: Server;
let serverUrl = "";
const requests: { url: string; ifNoneMatch: string | null; status: number }[] = [];
const scratch = () => mkdtempSync(join(tmpdir(), "goldloop-cli-export-"));

/** What the API serves for a query, to compare files with. */
async function served(release: string, query = "") {
  const response = await pullRelease(new Request(`http://localhost/api/v1/datasets/support/releases/${release}${query}`, { headers: { authorization: `Bearer ${readerKey}` } }), {
    params: Promise.resolve({ slug: "support", release }),
  });
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  loop = await startProductLoop(testDb.db, team);
  await ingestAndReview(testDb.db, team, loop, [
    { externalId: "a", input: "Where is my order?", output: "Tomorrow.", endUserId: "u1", verdict: "harmful", correction: "It shipped Monday." },
    { externalId: "b", input: [{ role: "user", content: "Hi" }], output: "Hello!", endUserId: "u2", verdict: "helpful" },
  ]);
  ({ id: datasetId } = await createLoopDataset(testDb.db, team, loop, "Support"));
  await publishLoopRelease(testDb.db, team, datasetId);
  readerKey = (await createCaller(createInnerContext({ db: testDb.db, user: team.members.admin })).apiKeys.create({ projectId: team.project.id, name: "cli", scopes: ["datasets:read"] })).secret;

  // The real pull route on a real loopback HTTP listener, streamed as Next streams it.
  server = createServer(async (req, res) => {
    const match = /^\/api\/v1\/datasets\/([^/]+)\/releases\/([^/?]+)/.exec(req.url ?? "");
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await pullRelease(new Request(`http://${req.headers.host}${req.url}`, { headers }), {
      params: Promise.resolve({ slug: decodeURIComponent(match?.[1] ?? ""), release: decodeURIComponent(match?.[2] ?? "") }),
    });
    requests.push({ url: req.url ?? "", ifNoneMatch: headers.get("if-none-match"), status: response.status });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as NodeReadableStream).pipe(res);
    else res.end();
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await closeDatabase();
});

describe("goldloop export (from the database)", () => {
  it("writes every format byte for byte as the API serves it", async () => {
    const directory = scratch();
    for (const [flags, query] of [
      [[], ""],
      [["--format", "openai"], "?format=openai"],
      [["--format", "dpo", "--dpo-style", "openai"], "?format=dpo&dpo_style=openai"],
      [["--format", "csv", "--split", "train"], "?format=csv&split=train"],
      [["--format", "parquet", "--release", "1"], "?format=parquet"],
    ] as const) {
      const out = join(directory, `release${query.replace(/\W/g, "_")}`);
      const result = await runCliCaptured(["export", "--project", team.project.slug, "--dataset", "support", ...flags, "--out", out]);
      expect(result, query).toMatchObject({ code: 0, stderr: expect.stringMatching(/^wrote \d rows? \([\d,]+ bytes\) of release 1 of "support"/) });
      expect(readFileSync(out).equals(await served("1", query)), query).toBe(true);
    }
  });

  it("explains bad input with exit code 2 and writes nothing", async () => {
    const out = join(scratch(), "never.jsonl");
    const base = ["export", "--project", team.project.slug, "--dataset", "support", "--out", out];
    const cases: [string[], RegExp][] = [
      [["export", "--dataset", "support", "--out", out], /missing required flag --project/],
      [["export", "--project", "nope", "--dataset", "support", "--out", out], /no project with slug "nope"/],
      [["export", "--project", team.project.slug, "--dataset", "nope", "--out", out], /no dataset "nope"/],
      [[...base, "--format", "xlsx"], /format: format must be one of jsonl, openai, dpo, csv, parquet/],
      [[...base, "--release", "9"], /has no release 9/],
      [[...base, "--release", "x"], /release must be a positive number or latest/],
      [[...base, "--format", "openai", "--since", "1"], /since is for jsonl, csv and parquet/],
      [[...base, "--since", "1"], /since must name an earlier release than 1/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCliCaptured(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr, argv.join(" ")).toMatch(message);
    }
    expect(() => statSync(out)).toThrow();
  });
});

describe("goldloop pull (from a server over HTTP)", () => {
  it("downloads, skips the download while the ETag holds, and downloads again once a new release is out", async () => {
    const out = join(scratch(), "support.csv");
    const argv = ["pull", "--server", serverUrl, "--key", readerKey, "--dataset", "support", "--format", "csv", "--out", out];
    const first = await runCliCaptured(argv);
    expect(first).toMatchObject({ code: 0, stderr: expect.stringContaining('downloaded 2 rows') });
    expect(readFileSync(out).equals(await served("1", "?format=csv"))).toBe(true);
    const etag = readFileSync(`${out}.etag`, "utf8").trim();
    expect(etag).toBe(`"${datasetId}-r1-csv-all-v1"`);
    const writtenAt = statSync(out).mtimeMs;

    const second = await runCliCaptured(argv);
    expect(second).toMatchObject({ code: 0, stderr: expect.stringContaining("is current (release 1") });
    expect(requests.at(-1)).toMatchObject({ ifNoneMatch: etag, status: 304 });
    expect(statSync(out).mtimeMs).toBe(writtenAt);

    await ingestAndReview(testDb.db, team, loop, [{ externalId: "c", input: "Bye", output: "Goodbye!", endUserId: "u3", verdict: "helpful" }]);
    await publishLoopRelease(testDb.db, team, datasetId);
    const third = await runCliCaptured(argv);
    expect(third).toMatchObject({ code: 0, stderr: expect.stringContaining("downloaded 3 rows") });
    expect(requests.at(-1)).toMatchObject({ ifNoneMatch: etag, status: 200 });
    expect(readFileSync(out).equals(await served("2", "?format=csv"))).toBe(true);
    expect(readFileSync(`${out}.etag`, "utf8").trim()).toBe(`"${datasetId}-r2-csv-all-v1"`);

    const since = await runCliCaptured(["pull", "--server", serverUrl, "--key", readerKey, "--dataset", "support", "--release", "2", "--since", "1", "--out", join(scratch(), "diff.jsonl")]);
    expect(since).toMatchObject({ code: 0, stderr: expect.stringContaining("downloaded 1 row (") });
  });

  it("reports the server's refusal with exit code 2 and leaves no file", async () => {
    const out = join(scratch(), "never.jsonl");
    const base = ["pull", "--server", serverUrl, "--key", readerKey, "--out", out];
    const cases: [string[], RegExp][] = [
      [["pull", "--server", serverUrl, "--key", "gl_nope_nope", "--dataset", "support", "--out", out], /401: this API key is unknown or revoked/],
      [[...base, "--dataset", "nope"], /404: no dataset "nope" in this project/],
      [[...base, "--dataset", "support", "--release", "9"], /404: dataset "support" has no release 9/],
      [[...base, "--dataset", "support", "--format", "yaml"], /format must be one of/],
      [[...base, "--dataset", "Not A Slug"], /dataset: use lowercase letters/],
      [["pull", "--server", "ftp://example.test", "--key", readerKey, "--dataset", "support", "--out", out], /--server must be an http:\/\/ or https:\/\/ URL/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCliCaptured(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr, argv.join(" ")).toMatch(message);
    }
    expect(() => statSync(out)).toThrow();
  });
});
