import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOutput } from "@/app/api/v1/outputs/[externalId]/route";
import { GET as listOutputsRoute, POST as ingest } from "@/app/api/v1/outputs/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedGold, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/server/api-keys/service";
import type { ApiKeyScope } from "@/server/api-keys/schema";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { publishRelease } from "@/server/datasets/service";
import { ingestSignals } from "@/server/ingest/signals-service";

const testDb = setUpTestDatabase();
const keys = { ingest: "", reader: "", foreignIngest: "" };
let projectId = "";

type Page = { data: { external_id: string; input: unknown; signal_kinds: string[]; metadata: Record<string, unknown> }[]; next_cursor: string | null; has_more: boolean };

const request = (path: string, secret: string, init: { method?: string; body?: unknown } = {}) =>
  new Request(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const list = async (query: string, secret = keys.reader) => listOutputsRoute(request(`/api/v1/outputs${query}`, secret));
const listIds = async (query: string, secret = keys.reader) => ((await (await list(query, secret)).json()) as Page).data.map((output) => output.external_id);
const detail = (externalId: string, secret = keys.reader) => getOutput(request(`/api/v1/outputs/${encodeURIComponent(externalId)}`, secret), { params: Promise.resolve({ externalId }) });

/** Outputs sent as a client sends them; produced one minute apart, `o-0` the oldest. */
const sent = [
  { external_id: "o-0", model: "bot-a", tags: ["billing"], metadata: { channel: "web", attempt: 2 }, input: "Where is my refund?", output: "Refunds take five days.", end_user_id: "alice", session_id: "s-1" },
  { external_id: "o-1", model: "bot-a", tags: ["billing", "vip"], metadata: { channel: "app" }, input: [{ role: "user", content: "Cancel my plan" }], output: "Your plan is cancelled.", session_id: "s-1" },
  { external_id: "o-2", model: "bot-b", tags: ["shipping"], metadata: { channel: "web" }, input: "Where is the parcel?", output: "It ships tomorrow.", consent: false },
  { external_id: "a/b c?#é", model: "bot-b", input: "Odd id", output: "Still found." },
  { external_id: "o-4", model: "bot-a", input: "Refund again please", output: "The refund was sent.", end_user_id: "bob" },
].map((output, index) => ({ ...output, produced_at: new Date(Date.UTC(2026, 10, 24, 10, index)).toISOString() }));

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  const team = await seedProjectTeam(testDb.db);
  const foreign = await seedProjectTeam(testDb.db);
  projectId = team.project.id;
  const keyFor = async (project: string, scopes: ApiKeyScope[]) => (await createApiKey(testDb.db, { projectId: project, userId: null }, { name: scopes.join(), scopes })).secret;
  keys.ingest = await keyFor(projectId, ["ingest"]);
  keys.reader = await keyFor(projectId, ["datasets:read"]);
  keys.foreignIngest = await keyFor(foreign.project.id, ["ingest"]);
  const response = await ingest(request("/api/v1/outputs", keys.ingest, { method: "POST", body: { outputs: sent } }));
  expect((await response.json()).results.map((result: { status: string }) => result.status)).toEqual(sent.map(() => "created"));
  await ingestSignals(testDb.db, { projectId }, [{ external_id: "o-1", kind: "thumbs_down", occurred_at: "2026-11-24T11:00:00Z", comment: "wrong plan" }]);

  const queue = await seedQueue(testDb.db, { projectId, name: "Billing review" });
  const o0 = await testDb.db.selectFrom("outputs").select("id").where("project_id", "=", projectId).where("external_id", "=", "o-0").executeTakeFirstOrThrow();
  await seedGold(testDb.db, { projectId, queueId: queue.id, outputId: o0.id, label: "helpful" });
  const ml = createCaller(createInnerContext({ db: testDb.db, user: team.members.ml }));
  const dataset = await ml.datasets.create({ projectId, name: "Billing gold", queueIds: [queue.id] });
  await publishRelease(testDb.db, { projectId, userId: team.members.ml.id }, { datasetId: dataset.id, notes: "first" });
});
afterAll(async () => {
  await closeDatabase();
});

describe("GET /api/v1/outputs", () => {
  it("lists what arrived newest first, with content, for an ingest or a datasets:read key, and only the key's project", async () => {
    const page = (await (await list("")).json()) as Page;
    expect(page.data.map((output) => output.external_id)).toEqual(["o-4", "a/b c?#é", "o-2", "o-1", "o-0"]);
    expect(page.data[3]).toMatchObject({ input: [{ role: "user", content: "Cancel my plan" }], signal_kinds: ["thumbs_down"], metadata: { channel: "app" } });
    expect(page).toMatchObject({ next_cursor: null, has_more: false });
    expect(await listIds("", keys.ingest)).toHaveLength(5);
    expect(await listIds("", keys.foreignIngest)).toEqual([]);
  });

  it("filters by model, tags, metadata, signal, dates, consent, session, end user and full text, all together", async () => {
    expect(await listIds("?model=bot-b")).toEqual(["a/b c?#é", "o-2"]);
    expect(await listIds("?tag=billing")).toEqual(["o-1", "o-0"]);
    expect(await listIds("?tag=billing&tag=vip")).toEqual(["o-1"]);
    expect(await listIds("?metadata=channel%3Dweb")).toEqual(["o-2", "o-0"]);
    expect(await listIds("?metadata=attempt%3D2")).toEqual(["o-0"]);
    expect(await listIds("?metadata=channel%3Dweb&metadata=attempt%3D2")).toEqual(["o-0"]);
    expect(await listIds("?signal=thumbs_down")).toEqual(["o-1"]);
    expect(await listIds("?from=2026-11-24T10:01:00Z&to=2026-11-24T10:03:00Z")).toEqual(["o-2", "o-1"]);
    expect(await listIds("?consent=false")).toEqual(["o-2"]);
    expect(await listIds("?session_id=s-1")).toEqual(["o-1", "o-0"]);
    expect(await listIds("?end_user_id=bob")).toEqual(["o-4"]);
    expect(await listIds("?q=refund")).toEqual(["o-4", "o-0"]);
    expect(await listIds("?q=refund%20-again")).toEqual(["o-0"]);
    expect(await listIds("?q=%22plan%20is%20cancelled%22")).toEqual(["o-1"]);
    expect(await listIds("?q=refund&model=bot-a&end_user_id=alice&consent=true")).toEqual(["o-0"]);
  });

  it("pages with an opaque cursor that neither skips nor repeats outputs stored between pages", async () => {
    const first = (await (await list("?limit=2")).json()) as Page;
    expect(first.data.map((output) => output.external_id)).toEqual(["o-4", "a/b c?#é"]);
    expect(first.has_more).toBe(true);
    // Stored between the pages: one newer than the cursor (belongs before it), one older (belongs after it).
    const late = [
      { external_id: "late-new", input: "x", output: "y", produced_at: "2026-11-24T11:00:00Z" },
      { external_id: "late-old", input: "x", output: "y", produced_at: "2026-11-24T09:00:00Z" },
    ];
    await ingest(request("/api/v1/outputs", keys.ingest, { method: "POST", body: { outputs: late } }));
    const rest: string[] = [];
    let cursor = first.next_cursor;
    while (cursor) {
      const page = (await (await list(`?limit=2&cursor=${cursor}`)).json()) as Page;
      rest.push(...page.data.map((output) => output.external_id));
      cursor = page.next_cursor;
    }
    expect(rest).toEqual(["o-2", "o-1", "o-0", "late-old"]);
  });

  it("keeps outputs produced in the same instant apart by id", async () => {
    const sameInstant = ["tie-1", "tie-2", "tie-3"].map((externalId) => ({ external_id: externalId, input: "x", output: "y", produced_at: "2020-01-01T00:00:00Z", tags: ["tie"] }));
    await ingest(request("/api/v1/outputs", keys.ingest, { method: "POST", body: { outputs: sameInstant } }));
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = (await (await list(`?tag=tie&limit=1${cursor ? `&cursor=${cursor}` : ""}`)).json()) as Page;
      seen.push(...page.data.map((output) => output.external_id));
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(["tie-3", "tie-2", "tie-1"]);
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=201", "limit"],
    ["?consent=yes", "consent"],
    ["?signal=like", "signal"],
    ["?from=yesterday", "from"],
    ["?to=0000-01-01T00:00:00Z", "to"],
    ["?metadata=novalue", "metadata.0"],
    ["?cursor=not-a-cursor", "cursor"],
    ["?cursor=WyIyMDI2LTAyLTMwVDEwOjAwOjAwLjAwMDAwMFoiLDFd", "cursor"],
    ["?models=bot-a", "models"],
    ["?q=%00", "q"],
    ["?=x&tag=%FF", "query"],
  ])("answers %s with a 400 naming the field", async (query, field) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.field).toBe(field);
    expect(error.message).toMatch(field === "models" ? /unknown query parameter: models/ : field === "query" ? /has no name/ : new RegExp(field.split(".")[0]!));
  });

  it("refuses a request without a key", async () => {
    expect((await listOutputsRoute(new Request("http://localhost/api/v1/outputs"))).status).toBe(401);
  });
});

describe("GET /api/v1/outputs/{external_id}", () => {
  it("returns an output with its signals, queue items, answers, gold and releases", async () => {
    const response = await detail("o-0");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      external_id: "o-0",
      session_id: "s-1",
      end_user_id: "alice",
      metadata: { channel: "web", attempt: 2 },
      redaction_counts: {},
      signals: [],
      queue_items: [{ queue: "Billing review", state: "resolved", provenance: "rule", inclusion_probability: 1, annotation_count: 0 }],
      annotation_count: 0,
      gold: [{ queue: "Billing review", label: { verdict: "helpful" }, method: "unanimous" }],
      releases: [{ dataset: "billing-gold", release: 1, split: expect.any(String) }],
    });
    expect(await (await detail("o-1")).json()).toMatchObject({ signals: [{ kind: "thumbs_down", comment: "wrong plan" }], queue_items: [], gold: [], releases: [] });
  });

  it("finds URL-encoded ids, and 404s unknown ids and other projects' outputs", async () => {
    expect(await (await detail("a/b c?#é", keys.ingest)).json()).toMatchObject({ external_id: "a/b c?#é", output: "Still found." });
    expect((await detail("nothing")).status).toBe(404);
    const foreign = await detail("o-0", keys.foreignIngest);
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.field).toBe("external_id");
    expect((await detail("")).status).toBe(400);
  });
});
