import { createHash } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createQueueRequestSchema } from "@/server/queues/schema";
import { createQueue } from "@/server/queues/service";
import { buildOutputItem } from "./test-fixtures";
import { buildQueueInput } from "@/server/queues/test-fixtures";
import { ingestOutputs } from "./service";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const source = () => ({ projectId: team.project.id, apiKeyId: null });
const ingest = (items: unknown[]) => ingestOutputs(testDb.db, source(), items);
const addQueue = async (rule: Parameters<typeof buildQueueInput>[0]) => {
  const actor = { projectId: team.project.id, userId: team.members.lead.id };
  return (await createQueue(testDb.db, actor, createQueueRequestSchema.parse(buildQueueInput(rule)))).id;
};
const countRows = async (table: "outputs" | "queue_items", queueId?: string) => {
  let query = testDb.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("count")).where("project_id", "=", team.project.id);
  if (queueId && table === "queue_items") query = query.where("queue_id", "=", queueId);
  return (await query.executeTakeFirstOrThrow()).count;
};

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

describe("ingestOutputs validation", () => {
  it("rejects each bad item naming its field and reason, and stores the good ones", async () => {
    const items: unknown[] = [
      buildOutputItem(1),
      buildOutputItem(2, { external_id: undefined }),
      buildOutputItem(3, { input: 42 }),
      buildOutputItem(4, { output: [{ role: "bot", content: "hi" }] }),
      buildOutputItem(5, { tags: ["ok", 3] }),
      buildOutputItem(6, { metadata: { nested: { no: true } } }),
      buildOutputItem(7, { consent: "yes" }),
      buildOutputItem(8, { produced_at: "yesterday" }),
      "not an object",
      buildOutputItem(10, { input: "" }),
      buildOutputItem(11, { output: "nul \u0000 byte" }),
      buildOutputItem(1, { output: "same id again" }),
      buildOutputItem(13, { tags: ["ok", "half \ud83d"] }),
      buildOutputItem(14, { produced_at: "0000-01-01T00:00:00Z" }),
      buildOutputItem(15, { produced_at: "2026-01-01T00:00:00+23:59" }),
      buildOutputItem(16, { output: [{ role: "assistant", content: " " }] }),
      buildOutputItem(17, { produced_at: new Date(Date.now() + 2 * 86_400_000).toISOString() }),
      buildOutputItem(18, { produced_at: new Date(Date.now() + 3_600_000).toISOString() }),
      buildOutputItem(19, { output: " \n\t " }),
      buildOutputItem(20, { external_id: 20 }),
      buildOutputItem(21, { end_user_id: "" }),
      buildOutputItem(22, { produced_At: "2026-01-01T00:00:00Z" }),
    ];
    const { results, summary } = await ingest(items);
    expect(summary).toEqual({ created: 3, duplicate: 0, rejected: 19 });
    const byIndex = (index: number) => results.find((result) => result.index === index);
    expect(byIndex(0)).toMatchObject({ status: "created", external_id: "out-1", queued: 0 });
    expect(byIndex(1)).toMatchObject({ status: "rejected", external_id: null, field: "outputs[1].external_id", reason: "external_id is required" });
    expect(byIndex(2)).toMatchObject({ status: "rejected", external_id: "out-3", field: "outputs[2].input", reason: expect.stringContaining("text or an array") });
    expect(byIndex(3)).toMatchObject({ field: "outputs[3].output[0].role", reason: expect.stringContaining("role must be one of") });
    expect(byIndex(4)).toMatchObject({ field: "outputs[4].tags[1]" });
    expect(byIndex(5)).toMatchObject({ field: "outputs[5].metadata.nested", reason: expect.stringContaining("metadata values") });
    expect(byIndex(6)).toMatchObject({ field: "outputs[6].consent" });
    expect(byIndex(7)).toMatchObject({ field: "outputs[7].produced_at", reason: expect.stringContaining("ISO 8601") });
    expect(byIndex(8)).toMatchObject({ status: "rejected", external_id: null, field: "outputs[8]" });
    expect(byIndex(9)).toMatchObject({ field: "outputs[9].input", reason: "must not be empty or only spaces" });
    expect(byIndex(10)).toMatchObject({ field: "outputs[10].output", reason: expect.stringContaining("NUL") });
    expect(byIndex(11)).toMatchObject({ field: "outputs[11].external_id", reason: expect.stringContaining("outputs[0]") });
    expect(byIndex(12)).toMatchObject({ field: "outputs[12].tags[1]", reason: expect.stringContaining("surrogates") });
    // ISO allows year 0 but Postgres does not: that item alone is refused. An offset past ±15:59 is fine once in UTC.
    expect(byIndex(13)).toMatchObject({ field: "outputs[13].produced_at", reason: expect.stringContaining("2000 or later") });
    expect(byIndex(14)).toMatchObject({ status: "created", external_id: "out-15" });
    expect(byIndex(15)).toMatchObject({ field: "outputs[15].output", reason: "must hold some text: every message is empty" });
    // A sender's clock may run an hour ahead; two days ahead is not clock skew.
    expect(byIndex(16)).toMatchObject({ field: "outputs[16].produced_at", reason: "produced_at must not be more than a day in the future" });
    expect(byIndex(17)).toMatchObject({ status: "created", external_id: "out-18" });
    expect(byIndex(18)).toMatchObject({ field: "outputs[18].output", reason: "must not be empty or only spaces" });
    expect(byIndex(19)).toMatchObject({ external_id: null, field: "outputs[19].external_id", reason: "external_id must be text" });
    expect(byIndex(20)).toMatchObject({ field: "outputs[20].end_user_id", reason: "end_user_id must not be empty" });
    expect(byIndex(21)).toMatchObject({ field: "outputs[21].produced_At", reason: '"produced_At" is not a field here; check its spelling' });
    expect(results.map((result) => result.index)).toEqual(items.map((_, index) => index));
    expect(await countRows("outputs")).toBe(3);
  });

  it("stores what was sent, with defaults, and a content hash of canonical {input, output}", async () => {
    const item = buildOutputItem(20, { input: [{ content: "Hi", role: "user", extra: "dropped" }], output: "Hello", trace_id: "t-1" });
    const { results } = await ingest([item, buildOutputItem(21, { produced_at: "2026-01-02T03:04:05+01:00", consent: false })]);
    const [first, second] = await testDb.db.selectFrom("outputs").selectAll().where("external_id", "in", ["out-20", "out-21"]).orderBy("external_id").execute();
    expect(first).toMatchObject({ id: (results[0] as { id: number }).id, trace_id: "t-1", model: "support-bot-1", tags: ["support"], consent: true });
    expect(first?.input).toEqual([{ role: "user", content: "Hi" }]);
    const canonical = '{"input":[{"content":"Hi","role":"user"}],"output":"Hello"}';
    expect(first?.content_hash).toBe(createHash("sha256").update(canonical).digest("hex"));
    expect(Math.abs(first!.produced_at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(second?.produced_at.toISOString()).toBe("2026-01-02T02:04:05.000Z");
    expect(second?.consent).toBe(false);
  });

  it("stores text, tags and metadata exactly, whatever characters they hold", async () => {
    const tags = ['quote " here', "back\\slash", "a,b", "{braces}", "NULL", "émoji 😀"];
    const metadata = { "key \"q\"": "line\nbreak", big: 12345678901234567890, ratio: 1.5, flag: false, none: null };
    const texts = { trace_id: "tab\there", model: "m\\odel", end_user_id: "ü\r\n-1" };
    const spaced = { end_user_id: " spaced-user ", session_id: "\tconv-1 " };
    await ingest([buildOutputItem(30, { tags, metadata, ...texts, output: "say \"hi\" \\ 😀" }), buildOutputItem(31, { tags: [] }), buildOutputItem(32, spaced)]);
    const [first, second, third] = await testDb.db.selectFrom("outputs").selectAll().where("external_id", "in", ["out-30", "out-31", "out-32"]).orderBy("external_id").execute();
    expect(first).toMatchObject({ tags, metadata, ...texts, output: "say \"hi\" \\ 😀" });
    expect(second).toMatchObject({ tags: [], trace_id: null, end_user_id: "user-31" });
    // Ids are trimmed as external_id is, so erasing "spaced-user" finds this output.
    expect(third).toMatchObject({ end_user_id: "spaced-user", session_id: "conv-1" });
  });
});

describe("ingestOutputs suggestions", () => {
  it("stores a suggestion as sent, and leaves it null when absent", async () => {
    const suggestion = { source: "gpt-4o-judge", values: { verdict: "helpful", tone: "warm" } };
    const { summary } = await ingest([buildOutputItem(40, { suggestion }), buildOutputItem(41)]);
    expect(summary.created).toBe(2);
    const rows = await testDb.db.selectFrom("outputs").select(["external_id", "suggestion"]).where("external_id", "in", ["out-40", "out-41"]).orderBy("external_id").execute();
    expect(rows).toEqual([
      { external_id: "out-40", suggestion },
      { external_id: "out-41", suggestion: null },
    ]);
  });

  it("rejects a malformed suggestion naming the item and the field inside it", async () => {
    const { results, summary } = await ingest([
      buildOutputItem(50, { suggestion: { source: "judge", values: { verdict: 3 } } }),
      buildOutputItem(51, { suggestion: { source: "judge", values: {} } }),
      buildOutputItem(52, { suggestion: { values: { verdict: "helpful" } } }),
      buildOutputItem(53, { suggestion: "helpful" }),
      buildOutputItem(54, { suggestion: { source: "judge", values: ["helpful"] } }),
      buildOutputItem(55, { suggestion: { source: "judge", values: { verdict: "" } } }),
    ]);
    expect(summary).toEqual({ created: 0, duplicate: 0, rejected: 6 });
    expect(results).toEqual([
      { index: 0, external_id: "out-50", status: "rejected", field: "outputs[0].suggestion.values.verdict", reason: expect.stringContaining("option value") },
      { index: 1, external_id: "out-51", status: "rejected", field: "outputs[1].suggestion.values", reason: "values must suggest at least one field" },
      { index: 2, external_id: "out-52", status: "rejected", field: "outputs[2].suggestion.source", reason: expect.stringContaining("source names who suggested") },
      { index: 3, external_id: "out-53", status: "rejected", field: "outputs[3].suggestion", reason: "suggestion must be an object { source, values }" },
      { index: 4, external_id: "out-54", status: "rejected", field: "outputs[4].suggestion.values", reason: expect.stringContaining("field key to option value") },
      { index: 5, external_id: "out-55", status: "rejected", field: "outputs[5].suggestion.values.verdict", reason: "suggested values must not be empty" },
    ]);
  });
});

describe("ingestOutputs idempotency and queueing", () => {
  it("reports a replayed batch as duplicates with the stored ids, adding no rows and no queue items", async () => {
    const queueId = await addQueue({ rate: 1, tags: ["replay"] });
    const batch = Array.from({ length: 30 }, (_, index) => buildOutputItem(100 + index, { tags: ["replay"] }));
    const first = await ingest(batch);
    expect(first.summary).toEqual({ created: 30, duplicate: 0, rejected: 0 });
    expect(first.results.every((result) => result.status === "created" && result.queued === 1)).toBe(true);
    const [outputsBefore, itemsBefore] = [await countRows("outputs"), await countRows("queue_items", queueId)];

    const second = await ingest([...batch.slice(0, 10), buildOutputItem(200, { tags: ["replay"] }), ...batch.slice(10)]);
    expect(second.summary).toEqual({ created: 1, duplicate: 30, rejected: 0 });
    expect(second.results[0]).toEqual({ index: 0, external_id: "out-100", status: "duplicate", id: (first.results[0] as { id: number }).id });
    expect(await countRows("outputs")).toBe(outputsBefore + 1);
    expect(await countRows("queue_items", queueId)).toBe(itemsBefore + 1);
  });

  it("never queues an output without consent", async () => {
    const queueId = await addQueue({ rate: 1, tags: ["consent-check"] });
    const { results } = await ingest([
      buildOutputItem(300, { tags: ["consent-check"], consent: false }),
      buildOutputItem(301, { tags: ["consent-check"] }),
    ]);
    expect(results.map((result) => (result.status === "created" ? result.queued : null))).toEqual([0, 1]);
    const queued = await testDb.db.selectFrom("queue_items").innerJoin("outputs", "outputs.id", "queue_items.output_id").select("outputs.external_id").where("queue_items.queue_id", "=", queueId).execute();
    expect(queued.map((row) => row.external_id)).toEqual(["out-301"]);
  });

  it("queues one item per distinct content in a queue, whatever the key order of the messages", async () => {
    const queueId = await addQueue({ rate: 1, tags: ["dedupe"] });
    const { results } = await ingest([
      buildOutputItem(400, { tags: ["dedupe"], input: [{ role: "user", content: "Same?" }], output: "Same." }),
      buildOutputItem(401, { tags: ["dedupe"], input: [{ content: "Same?", role: "user" }], output: "Same." }),
      buildOutputItem(402, { tags: ["dedupe"], input: [{ role: "user", content: "Different?" }], output: "Same." }),
    ]);
    expect(results.map((result) => (result.status === "created" ? result.queued : null))).toEqual([1, 0, 1]);
    const hashes = await testDb.db.selectFrom("outputs").select("content_hash").where("external_id", "in", ["out-400", "out-401"]).execute();
    expect(new Set(hashes.map((row) => row.content_hash)).size).toBe(1);
    expect(await countRows("queue_items", queueId)).toBe(2);
  });

  it("writes nothing when the database fails midway", async () => {
    await addQueue({ rate: 1, tags: ["doomed"] });
    const [outputsBefore, itemsBefore] = [await countRows("outputs"), await countRows("queue_items")];
    // The plan of the batch's queue items is the last thing its transaction writes.
    await sql`create function refuse_queue_items() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`.execute(testDb.db);
    await sql`create trigger refuse_queue_items before insert on queue_item_plans execute function refuse_queue_items()`.execute(testDb.db);
    try {
      const batch = Array.from({ length: 5 }, (_, index) => buildOutputItem(500 + index, { tags: ["doomed"] }));
      await expect(ingest(batch)).rejects.toThrow(/injected failure/);
    } finally {
      await sql`drop trigger refuse_queue_items on queue_item_plans`.execute(testDb.db);
      await sql`drop function refuse_queue_items()`.execute(testDb.db);
    }
    expect([await countRows("outputs"), await countRows("queue_items")]).toEqual([outputsBefore, itemsBefore]);
    const retried = await ingest(Array.from({ length: 5 }, (_, index) => buildOutputItem(500 + index, { tags: ["doomed"] })));
    expect(retried.summary).toEqual({ created: 5, duplicate: 0, rejected: 0 });
  });

  it("settles a batch exactly when another writer stores one of its external ids while it is being copied", async () => {
    const queueId = await addQueue({ rate: 1, tags: ["race"] });
    const batch = Array.from({ length: 20 }, (_, index) => buildOutputItem(900 + index, { tags: ["race"] }));
    // The other writer holds out-905 uncommitted: the lookup cannot see it, so the COPY meets it and waits.
    const rival = await poolOf(testDb.db)!.connect();
    try {
      await rival.query("begin");
      const { rows } = await rival.query<{ id: number }>(
        `insert into outputs (project_id, external_id, input, output, content_hash, produced_at) values ($1, 'out-905', '"rival"', '"rival"', 'rival-hash', now()) returning id`,
        [team.project.id],
      );
      const ingesting = ingest(batch);
      await expect.poll(async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'copy outputs%'`.execute(testDb.db)).rows[0]!.n).toBe(1);
      await rival.query("commit");
      const { results, summary } = await ingesting;
      expect(summary).toEqual({ created: 19, duplicate: 1, rejected: 0 });
      expect(results[5]).toEqual({ index: 5, external_id: "out-905", status: "duplicate", id: rows[0]!.id });
      expect(results.filter((result) => result.status === "created").every((result) => result.queued === 1)).toBe(true);
    } finally {
      rival.release();
    }
    expect(await countRows("queue_items", queueId)).toBe(19);
  });

  it("lets two concurrent overlapping batches store each output once", async () => {
    const batch = Array.from({ length: 200 }, (_, index) => buildOutputItem(600 + index));
    const [a, b] = await Promise.all([ingest(batch), ingest([...batch].reverse())]);
    expect(a.summary.created + b.summary.created).toBe(200);
    expect(a.summary.duplicate + b.summary.duplicate).toBe(200);
  });
});
