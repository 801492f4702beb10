import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/datasets/[slug]/releases/[release]/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { replaceGold, seedGold, seedManyGold, seedOutputs, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { prepareReleaseExport, streamReleaseExport } from "./export";
import { publishAndWait } from "./testing";
import { releaseRowSchema } from "./schema";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const keys = { reader: "", ingest: "", otherProject: "" };
let datasetId = "";

const admin = () => createCaller(createInnerContext({ db: testDb.db, user: team.members.admin }));

function pull(slug: string, release: string, headers: Record<string, string> = { authorization: `Bearer ${keys.reader}` }) {
  const request = new Request(`http://localhost/api/v1/datasets/${slug}/releases/${release}`, { headers });
  return GET(request, { params: Promise.resolve({ slug, release }) });
}

async function readLines(response: Response) {
  const text = await response.text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => releaseRowSchema.parse(JSON.parse(line)));
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  const other = await seedProjectTeam(testDb.db);
  const key = async (projectId: string, user: typeof team.members.admin, scopes: Array<"ingest" | "datasets:read">) =>
    (await createCaller(createInnerContext({ db: testDb.db, user })).apiKeys.create({ projectId, name: scopes.join(" "), scopes })).secret;
  keys.reader = await key(team.project.id, team.members.admin, ["datasets:read"]);
  keys.ingest = await key(team.project.id, team.members.admin, ["ingest"]);
  keys.otherProject = await key(other.project.id, other.members.admin, ["datasets:read"]);

  const queue = await seedQueue(testDb.db, { projectId: team.project.id });
  ({ id: datasetId } = await admin().datasets.create({ projectId: team.project.id, name: "Support", queueIds: [queue.id] }));
  const [output] = await seedOutputs(testDb.db, {
    projectId: team.project.id,
    count: 1,
    build: () => ({ externalId: "out-1", input: [{ role: "user", content: "Where is my order?" }], output: "answer out-1" }),
  });
  const first = await seedGold(testDb.db, { projectId: team.project.id, queueId: queue.id, outputId: output!.id, label: "bad", correction: "It ships Monday." });
  await publishAndWait(testDb.db, admin(), { projectId: team.project.id, datasetId });
  await replaceGold(testDb.db, first.goldLabelId, { label: "good", method: "adjudicated", confidence: 0.9 });
  await seedGold(testDb.db, { projectId: team.project.id, queueId: queue.id, externalId: "out-2", label: "good" });
  await publishAndWait(testDb.db, admin(), { projectId: team.project.id, datasetId });
});
afterAll(async () => {
  await closeDatabase();
});

describe("GET /api/v1/datasets/{slug}/releases/{n|latest}", () => {
  it("streams a numbered release as JSONL with download headers, frozen as published", async () => {
    const response = await pull("support", "1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="support-r1-jsonl.jsonl"');
    expect(response.headers.get("x-goldloop-release")).toBe("1");
    expect(response.headers.get("etag")).toBe(`"${datasetId}-r1-jsonl-all-v1"`);
    expect(await readLines(response)).toEqual([
      {
        release: 1,
        external_id: "out-1",
        input: [{ role: "user", content: "Where is my order?" }],
        output: "answer out-1",
        label: { verdict: "bad" },
        correction: "It ships Monday.",
        method: "unanimous",
        confidence: 1,
        split: expect.stringMatching(/^(train|validation|test)$/),
        schema_version: 1,
        queue: expect.any(String),
        lineage: {
          output_id: expect.any(Number),
          trace_id: null,
          gold_label_id: expect.any(Number),
          supersedes: null,
          annotations: [],
          gold: { method: "unanimous", confidence: 1, adjudicator: null, created_at: expect.any(String) },
        },
      },
    ]);
  });

  it("serves the newest release for latest, and 304 when the ETag matches", async () => {
    const latest = await pull("support", "latest");
    expect(latest.headers.get("x-goldloop-release")).toBe("2");
    const rows = await readLines(latest);
    expect(rows.map((row) => [row.release, row.external_id, row.label, row.method, row.confidence])).toEqual([
      [2, "out-1", { verdict: "good" }, "adjudicated", 0.9],
      [2, "out-2", { verdict: "good" }, "unanimous", 1],
    ]);
    const etag = latest.headers.get("etag") ?? "";
    const cached = await pull("support", "latest", { authorization: `Bearer ${keys.reader}`, "if-none-match": `W/"x", ${etag}` });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    expect((await pull("support", "1", { authorization: `Bearer ${keys.reader}`, "if-none-match": etag })).status).toBe(200);
  });

  it("answers 401 without a key, 403 without the scope, and 404 across projects", async () => {
    const missing = await pull("support", "1", {});
    expect(missing.status).toBe(401);
    const ingestOnly = await pull("support", "1", { authorization: `Bearer ${keys.ingest}` });
    expect(ingestOnly.status).toBe(403);
    expect(await ingestOnly.json()).toMatchObject({ error: { code: "forbidden", field: "authorization" } });
    const foreign = await pull("support", "1", { authorization: `Bearer ${keys.otherProject}` });
    expect(foreign.status).toBe(404);
  });

  it("names the field of an unknown dataset, an unknown release and a malformed one", async () => {
    expect(await (await pull("nope", "1")).json()).toMatchObject({ error: { code: "not_found", field: "slug" } });
    const unknownRelease = await pull("support", "9");
    expect(unknownRelease.status).toBe(404);
    expect(await unknownRelease.json()).toMatchObject({ error: { code: "not_found", field: "release", message: 'dataset "support" has no release 9' } });
    const malformed = await pull("support", "first");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { field: "release" } });
  });

  it("says so when a dataset has no release yet", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id });
    await admin().datasets.create({ projectId: team.project.id, name: "Empty", queueIds: [queue.id] });
    expect(await (await pull("empty", "latest")).json()).toMatchObject({ error: { field: "release", message: 'dataset "empty" has no releases yet' } });
  });

  it("streams 5,000 rows in order, page by page (2,000 rows a page)", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id });
    const { id } = await admin().datasets.create({ projectId: team.project.id, name: "Big", queueIds: [queue.id] });
    await seedManyGold(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 5_000, prefix: "big-" });
    await publishAndWait(testDb.db, admin(), { projectId: team.project.id, datasetId: id });

    const response = await pull("big", "1");
    expect(response.headers.get("x-goldloop-row-count")).toBe("5000");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let chunks = 0;
    let text = "";
    for (let result = await reader.read(); !result.done; result = await reader.read()) {
      chunks += 1;
      text += decoder.decode(result.value, { stream: true });
    }
    const rows = text.trimEnd().split("\n").map((line) => releaseRowSchema.parse(JSON.parse(line)));
    expect(rows).toHaveLength(5_000);
    expect(rows.map((row) => row.external_id)).toEqual(Array.from({ length: 5_000 }, (_, index) => `big-${String(index + 1).padStart(6, "0")}`));
    expect(chunks).toBe(3);
  });

  it("reads pages only as fast as the client takes them", async () => {
    let queries = 0;
    const countingDb = testDb.db.withPlugin({
      transformQuery: ({ node }) => {
        queries += 1;
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const release = await prepareReleaseExport(testDb.db, { projectId: team.project.id, slug: "big", release: 1, options: { format: "jsonl", split: null, since: null, dpoStyle: "trl" } });
    const reader = streamReleaseExport(countingDb, release, { pageSize: 100 }).getReader();
    await reader.read();
    await new Promise((settle) => setTimeout(settle, 50));
    // The page handed over, the page waiting in the stream's queue, and two read ahead: not the 50 pages of the release.
    expect(queries).toBeGreaterThanOrEqual(2);
    expect(queries).toBeLessThanOrEqual(4);
    await reader.cancel();
  });
});
