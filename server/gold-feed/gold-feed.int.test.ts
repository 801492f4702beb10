import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getPage } from "@/app/api/v1/gold/route";
import { GET as getStream } from "@/app/api/v1/gold/stream/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { replaceGold, seedGold, seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { streamGold } from "./event-stream";
import { goldFeedEntrySchema, type GoldFeedPage } from "./schema";
import { readServerSentEvents } from "./testing/sse-reader";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let other: Awaited<ReturnType<typeof seedProjectTeam>>;
const keys = { reader: "", ingest: "", otherProject: "" };
const queues = { first: "", second: "", foreign: "" };
const gold: number[] = [];

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

function page(query: string, headers: Record<string, string> = bearer(keys.reader)) {
  return getPage(new Request(`http://localhost/api/v1/gold${query}`, { headers }));
}

function stream(query: string, headers: Record<string, string> = bearer(keys.reader)) {
  const controller = new AbortController();
  return getStream(new Request(`http://localhost/api/v1/gold/stream${query}`, { headers, signal: controller.signal }));
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  other = await seedProjectTeam(testDb.db);
  const key = async (projectId: string, user: typeof team.members.admin, scopes: Array<"ingest" | "datasets:read">) =>
    (await createCaller(createInnerContext({ db: testDb.db, user })).apiKeys.create({ projectId, name: scopes.join(" "), scopes })).secret;
  keys.reader = await key(team.project.id, team.members.admin, ["datasets:read"]);
  keys.ingest = await key(team.project.id, team.members.admin, ["ingest"]);
  keys.otherProject = await key(other.project.id, other.members.admin, ["datasets:read"]);
  queues.first = (await seedQueue(testDb.db, { projectId: team.project.id, name: "Support" })).id;
  queues.second = (await seedQueue(testDb.db, { projectId: team.project.id, name: "Billing" })).id;
  queues.foreign = (await seedQueue(testDb.db, { projectId: other.project.id, name: "Elsewhere" })).id;
  for (const [index, queueId] of [queues.first, queues.second, queues.first].entries()) {
    const seeded = await seedGold(testDb.db, { projectId: team.project.id, queueId, externalId: `out-${index + 1}`, label: index === 1 ? "bad" : "good", correction: index === 1 ? "Fixed answer." : null });
    gold.push(seeded.goldLabelId);
  }
  await seedGold(testDb.db, { projectId: other.project.id, queueId: queues.foreign, externalId: "other-1", label: "good" });
});
afterAll(async () => {
  await closeDatabase();
});

describe("GET /api/v1/gold", () => {
  it("pages the project's gold in order, with a cursor to resume from", async () => {
    const first = (await (await page("?limit=2")).json()) as GoldFeedPage;
    expect(first.data.map((entry) => entry.gold_label_id)).toEqual(gold.slice(0, 2));
    expect(first).toMatchObject({ has_more: true, next_cursor: String(gold[1]) });
    const second = (await (await page(`?since=${first.next_cursor}&limit=2`)).json()) as GoldFeedPage;
    expect(second.data.map((entry) => entry.gold_label_id)).toEqual([gold[2]]);
    expect(second.has_more).toBe(false);
    const caughtUp = (await (await page(`?since=${second.next_cursor}`)).json()) as GoldFeedPage;
    expect(caughtUp).toEqual({ data: [], next_cursor: second.next_cursor, has_more: false });
  });

  it("serves each entry with the text to learn from: the correction where there is one, else the output", async () => {
    const { data } = (await (await page("")).json()) as GoldFeedPage;
    const entries = data.map((entry) => goldFeedEntrySchema.parse(entry));
    expect(entries[1]).toMatchObject({ external_id: "out-2", queue: "Billing", queue_id: queues.second, label: { verdict: "bad" }, correction: "Fixed answer.", gold_output: "Fixed answer.", supersedes: null });
    expect(entries[0]).toMatchObject({ external_id: "out-1", correction: null, gold_output: "Answer 0: refunds take 5 days." });
  });

  it("flags gold whose optional corrections did not agree, whose gold_output is no reviewed text", async () => {
    await testDb.db.updateTable("gold_labels").set({ provenance: JSON.stringify({ correctionDisputed: true }) }).where("id", "=", gold[2]!).execute();
    const { data } = (await (await page("")).json()) as GoldFeedPage;
    expect(data.map((entry) => [entry.external_id, entry.correction_disputed])).toEqual([
      ["out-1", false],
      ["out-2", false],
      ["out-3", true],
    ]);
  });

  it("filters by queue, and refuses a queue of another project", async () => {
    const { data } = (await (await page(`?queue=${queues.second}`)).json()) as GoldFeedPage;
    expect(data.map((entry) => entry.external_id)).toEqual(["out-2"]);
    const foreign = await page(`?queue=${queues.foreign}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { field: "queue" } });
  });

  it("never shows another project's gold", async () => {
    const { data } = (await (await page("", bearer(keys.otherProject))).json()) as GoldFeedPage;
    expect(data.map((entry) => entry.external_id)).toEqual(["other-1"]);
  });

  it.each([
    ["?since=abc", "since"],
    ["?since=-1", "since"],
    ["?since=99999999999999999999", "since"],
    ["?since=9223372036854775808", "since"],
    ["?limit=0", "limit"],
    ["?limit=1001", "limit"],
    ["?limit=1.5", "limit"],
    ["?queue=not-a-uuid", "queue"],
  ])("answers %s with a 400 naming %s", async (query, field) => {
    const response = await page(query);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { field } });
  });

  it("needs a key with datasets:read", async () => {
    expect((await page("", {})).status).toBe(401);
    expect((await page("", bearer(keys.ingest))).status).toBe(403);
  });
});

describe("GET /api/v1/gold/stream", () => {
  it("sends the backlog, then a gold label within moments of its commit, and a revision that supersedes", async () => {
    const response = await stream(`?since=${gold[0]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const events = readServerSentEvents(response.body!);
    expect((await events.next())?.id).toBe(String(gold[1]));
    expect((await events.next())?.id).toBe(String(gold[2]));

    const fresh = await seedGold(testDb.db, { projectId: team.project.id, queueId: queues.first, externalId: "out-live", label: "good" });
    const live = await events.next();
    expect(live).toMatchObject({ id: String(fresh.goldLabelId), event: "gold" });
    expect(goldFeedEntrySchema.parse(JSON.parse(live!.data))).toMatchObject({ external_id: "out-live" });

    const revised = await replaceGold(testDb.db, fresh.goldLabelId, { label: "bad", correction: "Better.", method: "adjudicated" });
    const revision = goldFeedEntrySchema.parse(JSON.parse((await events.next())!.data));
    expect(revision).toMatchObject({ gold_label_id: revised.id, supersedes: fresh.goldLabelId, gold_output: "Better." });
    await events.cancel();
  });

  it("resumes after Last-Event-ID, which wins over since", async () => {
    const response = await stream("?since=0", { ...bearer(keys.reader), "last-event-id": String(gold[1]) });
    const events = readServerSentEvents(response.body!);
    expect((await events.next())?.id).toBe(String(gold[2]));
    await events.cancel();
  });

  it("keeps to its queue filter while live", async () => {
    const response = await stream(`?queue=${queues.second}&since=${gold[1]}`);
    const events = readServerSentEvents(response.body!);
    await seedGold(testDb.db, { projectId: team.project.id, queueId: queues.first, externalId: "out-not-billing", label: "good" });
    const billing = await seedGold(testDb.db, { projectId: team.project.id, queueId: queues.second, externalId: "out-billing", label: "good" });
    expect((await events.next())?.id).toBe(String(billing.goldLabelId));
    await events.cancel();
  });

  it("sends nothing for a gold label whose transaction rolled back", async () => {
    const response = await stream("?since=0");
    const events = readServerSentEvents(response.body!);
    const backlog = [];
    for (;;) {
      const event = await events.next();
      backlog.push(event);
      const latest = await testDb.db.selectFrom("gold_labels").select((eb) => eb.fn.max("id").as("id")).where("project_id", "=", team.project.id).executeTakeFirstOrThrow();
      if (event?.id === String(latest.id)) break;
    }
    await testDb.db
      .transaction()
      .execute(async (trx) => {
        await seedGold(trx, { projectId: team.project.id, queueId: queues.first, externalId: "out-rolled-back", label: "good" });
        throw new Error("roll back");
      })
      .catch(() => {});
    const committed = await seedGold(testDb.db, { projectId: team.project.id, queueId: queues.first, externalId: "out-committed", label: "good" });
    const next = await events.next();
    expect(next?.id).toBe(String(committed.goldLabelId));
    await events.cancel();
  });

  it("ends with a `revoked` event once its key loses access", async () => {
    let isAuthorized = true;
    const events = readServerSentEvents(
      streamGold(testDb.db, { projectId: team.project.id, since: "9000000000", heartbeatMs: 50, isAuthorized: async () => isAuthorized }),
    );
    isAuthorized = false;
    expect(await events.next()).toMatchObject({ event: "revoked" });
    expect(await events.next()).toBeNull();
  });

  it("refuses a bad Last-Event-ID, and a key without datasets:read, before streaming", async () => {
    const badId = await stream("", { ...bearer(keys.reader), "last-event-id": "x" });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ error: { field: "last-event-id" } });
    expect((await stream("", bearer(keys.ingest))).status).toBe(403);
  });
});
