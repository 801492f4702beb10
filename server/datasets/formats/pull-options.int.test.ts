import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { replaceGold, seedGold } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { startProductLoop, ingestAndReview, publishLoopRelease } from "./test-support";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const keys = { reader: "", otherProject: "" };
const gold = { relabelled: 0, removed: 0 };

function pull(release: string, query: string, headers: Record<string, string> = {}, key = keys.reader) {
  const request = new Request(`http://localhost/api/v1/datasets/support/releases/${release}${query}`, { headers: { authorization: `Bearer ${key}`, ...headers } });
  return GET(request, { params: Promise.resolve({ slug: "support", release }) });
}

const jsonLines = async (response: Response) => (await response.text()).split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

const goldIdOf = async (externalId: string) =>
  (
    await testDb.db
      .selectFrom("gold_labels")
      .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
      .select("gold_labels.id")
      .where("outputs.external_id", "=", externalId)
      .where("gold_labels.project_id", "=", team.project.id)
      .where("gold_labels.is_current", "=", true)
      .executeTakeFirstOrThrow()
  ).id;

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  const other = await seedProjectTeam(testDb.db);
  const admin = createCaller(createInnerContext({ db: testDb.db, user: team.members.admin }));
  keys.reader = (await admin.apiKeys.create({ projectId: team.project.id, name: "trainer", scopes: ["datasets:read"] })).secret;
  keys.otherProject = (await createCaller(createInnerContext({ db: testDb.db, user: other.members.admin })).apiKeys.create({ projectId: other.project.id, name: "x", scopes: ["datasets:read"] })).secret;

  // Release 1: three reviewed outputs. Release 2: one relabelled, one revised below the dataset's minimum
  // confidence (so removed), one unchanged, and one new.
  const loop = await startProductLoop(testDb.db, team);
  await ingestAndReview(testDb.db, team, loop, [
    { externalId: "stays", input: "Hi", output: "Hello!", endUserId: "u1", verdict: "helpful" },
    { externalId: "relabelled", input: "Refund?", output: "No.", endUserId: "u2", verdict: "helpful" },
    { externalId: "removed", input: "Weather?", output: "Sunny.", endUserId: "u3", verdict: "off_topic" },
  ]);
  const dataset = await createCaller(createInnerContext({ db: testDb.db, user: team.members.ml })).datasets.create({ projectId: team.project.id, name: "Support", queueIds: [loop.queueId], minConfidence: 0.5 });
  await publishLoopRelease(testDb.db, team, dataset.id);
  gold.relabelled = await goldIdOf("relabelled");
  gold.removed = await goldIdOf("removed");
  await replaceGold(testDb.db, gold.relabelled, { label: "harmful", correction: "Refunds take 5 days.", method: "adjudicated", confidence: 0.9 });
  await replaceGold(testDb.db, gold.removed, { label: "off_topic", confidence: 0.2 });
  await seedGold(testDb.db, { projectId: team.project.id, queueId: loop.queueId, externalId: "added", label: "helpful" });
  await publishLoopRelease(testDb.db, team, dataset.id);
});
afterAll(async () => {
  await closeDatabase();
});

describe("?since=m: the rows that changed between release m and this one", () => {
  it("jsonl: added and relabelled rows in full with their change, then tombstones of removed rows", async () => {
    const response = await pull("2", "?since=1");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="support-r2-since-r1-jsonl.jsonl"');
    expect(response.headers.get("x-goldloop-row-count")).toBe("3");
    const lines = await jsonLines(response);
    expect(lines.map((line) => [line.change, line.external_id])).toEqual([
      ["relabelled", "relabelled"],
      ["added", "added"],
      ["removed", "removed"],
    ]);
    expect(lines[0]).toMatchObject({ release: 2, change: "relabelled", label: { verdict: "harmful" }, correction: "Refunds take 5 days.", method: "adjudicated", confidence: 0.9 });
    const removedRow = await testDb.db.selectFrom("release_rows").selectAll().where("gold_label_id", "=", gold.removed).executeTakeFirstOrThrow();
    expect(lines[2]).toEqual({
      release: 2,
      change: "removed",
      external_id: "removed",
      split: removedRow.split,
      queue: removedRow.queue_name,
      lineage: { output_id: removedRow.output_id, trace_id: null, gold_label_id: gold.removed },
    });
  });

  it("csv and parquet carry the change column and the tombstones; DuckDB reads both", async () => {
    const directory = mkdtempSync(join(tmpdir(), "goldloop-since-"));
    const csvPath = join(directory, "since.csv");
    writeFileSync(csvPath, Buffer.from(await (await pull("2", "?since=1&format=csv")).arrayBuffer()));
    const parquetPath = join(directory, "since.parquet");
    const parquet = await pull("2", "?since=1&format=parquet");
    expect(parquet.headers.get("x-goldloop-row-count")).toBe("3");
    writeFileSync(parquetPath, Buffer.from(await parquet.arrayBuffer()));
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const csv = (await connection.runAndReadAll(`select change, external_id, label from read_csv('${csvPath}', header = true, all_varchar = true)`)).getRowObjectsJson();
      expect(csv.map((row) => ({ ...row, label: row.label === null ? null : JSON.parse(String(row.label)) }))).toEqual([
        { change: "relabelled", external_id: "relabelled", label: { verdict: "harmful" } },
        { change: "added", external_id: "added", label: { verdict: "helpful" } },
        { change: "removed", external_id: "removed", label: null },
      ]);
      const rows = (await connection.runAndReadAll(`select change, external_id, messages is null as has_no_messages from read_parquet('${parquetPath}')`)).getRowObjectsJson();
      expect(rows).toEqual([
        { change: "relabelled", external_id: "relabelled", has_no_messages: false },
        { change: "added", external_id: "added", has_no_messages: false },
        { change: "removed", external_id: "removed", has_no_messages: true },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it("is refused by the training formats, and for a release that is not earlier", async () => {
    for (const [release, query, message] of [
      ["2", "?since=1&format=openai", /since is for jsonl, csv and parquet/],
      ["2", "?since=1&format=dpo", /since is for jsonl, csv and parquet/],
      ["2", "?since=2", /since must name an earlier release than 2/],
      ["1", "?since=5", /since must name an earlier release than 1/],
      ["2", "?since=one", /since must be a positive whole number/],
      ["2", "?since=0", /since must be a positive whole number/],
      ["2", "?since=1&since=1", /give since once/],
    ] as const) {
      const response = await pull(release, query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { field: string; message: string } };
      expect(body.error.field, query).toBe("since");
      expect(body.error.message, query).toMatch(message);
    }
  });
});

describe("pull options: validation, ETags and scope", () => {
  it("names the field of an unknown format, split or dpo_style", async () => {
    for (const [query, field, message] of [
      ["?format=xlsx", "format", "format must be one of jsonl, openai, dpo, csv, parquet"],
      ["?format=", "format", "format must be one of jsonl, openai, dpo, csv, parquet"],
      ["?split=dev", "split", "split must be one of train, validation, test"],
      ["?format=dpo&dpo_style=anthropic", "dpo_style", "dpo_style must be one of trl, openai"],
      ["?dpo_style=openai", "dpo_style", "dpo_style applies only to format=dpo"],
      [`?format=${"x".repeat(30)}`, "format", "use at most 20 characters"],
      ["?format=%00", "format", "text must not contain NUL characters or unpaired UTF-16 surrogates"],
    ] as const) {
      const response = await pull("2", query);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toMatchObject({ error: { code: "bad_request", field, message: `${field}: ${message}` } });
    }
  });

  it("gives each format, style, split and since its own ETag, and answers 304 to a matching one", async () => {
    const queries = ["", "?format=openai", "?format=dpo", "?format=dpo&dpo_style=openai", "?format=csv", "?format=parquet", "?split=train", "?since=1", "?since=1&split=test"];
    const etags = [];
    for (const query of queries) {
      const response = await pull("2", query);
      expect(response.status, query).toBe(200);
      await response.body?.cancel();
      const etag = response.headers.get("etag")!;
      etags.push(etag);
      const cached = await pull("2", query, { "if-none-match": etag });
      expect(cached.status, query).toBe(304);
      expect(cached.headers.get("etag")).toBe(etag);
      expect(await cached.text()).toBe("");
    }
    expect(new Set(etags).size).toBe(queries.length);
    // The same bytes under `latest` and under the number share the ETag; a newer release would not.
    const latest = await pull("latest", "?format=csv", { "if-none-match": etags[4]! });
    expect(latest.status).toBe(304);
    expect((await pull("1", "?format=csv", { "if-none-match": etags[4]! })).status).toBe(200);
  });

  it("keeps another project's dataset out of reach, whatever the options", async () => {
    const foreign = await pull("2", "?format=parquet&since=1", {}, keys.otherProject);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: "not_found", field: "slug" } });
  });
});
