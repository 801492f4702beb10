import { describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/users/schema";

const testDb = setUpTestDatabase();
const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));

describe("loop latency stamps", () => {
  it("stamp every stage on gold written by the real review path, pullable at the writing transaction's commit", async () => {
    const team = await seedProjectTeam(testDb.db);
    const projectId = team.project.id;
    const queue = await seedQueue(testDb.db, { projectId, overlap: 2 });
    const [item] = await seedQueueItems(testDb.db, { projectId, queueId: queue.id, count: 1 });
    const [alice, bob] = await seedReviewers(testDb.db, { projectId, count: 2 });
    const claimed: Date[] = [];
    for (const annotator of [alice!, bob!]) {
      const task = await callerFor(annotator).review.claimNext({ projectId, queueId: queue.id });
      claimed.push((await testDb.db.selectFrom("assignments").select("created_at").where("id", "=", task!.assignment.id).executeTakeFirstOrThrow()).created_at);
      await callerFor(annotator).review.submit({ projectId, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    }
    const gold = await testDb.db
      .selectFrom("gold_labels")
      .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
      .innerJoin("queue_items", "queue_items.id", "gold_labels.queue_item_id")
      .select(["gold_labels.ingested_at", "gold_labels.queued_at", "gold_labels.first_claimed_at", "gold_labels.created_at", "gold_labels.pullable_at", "outputs.created_at as outputCreatedAt", "queue_items.created_at as itemCreatedAt"])
      .where("gold_labels.queue_item_id", "=", item!.id)
      .executeTakeFirstOrThrow();
    expect(gold.ingested_at).toEqual(gold.outputCreatedAt);
    expect(gold.queued_at).toEqual(gold.itemCreatedAt);
    expect(gold.first_claimed_at).toEqual(claimed[0]);
    // created_at is the transaction's start; pullable_at its end, read from the clock at commit.
    expect(gold.pullable_at!.getTime()).toBeGreaterThan(gold.created_at.getTime());
  });

  it("keep stages a writer gives, and stamp pullable only once the transaction commits", async () => {
    const team = await seedProjectTeam(testDb.db);
    const queue = await seedQueue(testDb.db, { projectId: team.project.id });
    const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const ingestedAt = new Date("2026-10-01T00:00:00Z");
    const inTransaction = await testDb.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("gold_labels")
        .values({ project_id: team.project.id, queue_id: queue.id, queue_item_id: item!.id, output_id: item!.outputId, values: "{}", method: "majority", confidence: 1, provenance: "{}", ingested_at: ingestedAt })
        .returning(["id", "pullable_at", "ingested_at"])
        .executeTakeFirstOrThrow();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return row;
    });
    expect(inTransaction).toMatchObject({ pullable_at: null, ingested_at: ingestedAt });
    const committed = await testDb.db.selectFrom("gold_labels").select(["pullable_at", "created_at"]).where("id", "=", inTransaction.id).executeTakeFirstOrThrow();
    expect(committed.pullable_at!.getTime() - committed.created_at.getTime()).toBeGreaterThanOrEqual(50);
  });
});

describe("loop settings", () => {
  it("read with defaults, change in part, and refuse bad values naming the field", async () => {
    const team = await seedProjectTeam(testDb.db);
    const projectId = team.project.id;
    await expect(callerFor(team.members.annotator).metrics.getLoopSettings({ projectId })).resolves.toEqual({ granularities: ["hour", "day"], driftMetadataKeys: [], referenceWindows: 7 });
    const lead = callerFor(team.members.lead);
    await expect(lead.metrics.updateLoopSettings({ projectId, driftMetadataKeys: ["locale", "plan"] })).resolves.toEqual({
      granularities: ["hour", "day"],
      driftMetadataKeys: ["locale", "plan"],
      referenceWindows: 7,
    });
    await expect(lead.metrics.updateLoopSettings({ projectId, referenceWindows: 2 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("referenceWindows") });
    await expect(lead.metrics.updateLoopSettings({ projectId, referenceWindows: 31 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 30") });
    await expect(lead.metrics.updateLoopSettings({ projectId, granularities: [] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("granularities") });
    await expect(lead.metrics.updateLoopSettings({ projectId, granularities: ["week" as "day"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(lead.metrics.updateLoopSettings({ projectId, driftMetadataKeys: ["a", "a"] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("driftMetadataKeys") });
    await expect(lead.metrics.getLoopSettings({ projectId })).resolves.toMatchObject({ driftMetadataKeys: ["locale", "plan"], referenceWindows: 7 });
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "data"]).where("project_id", "=", projectId).execute();
    expect(audit).toEqual([expect.objectContaining({ action: "loop_settings.updated" })]);
  });

  it("backfill from the API is audited and refuses a date in the future", async () => {
    const team = await seedProjectTeam(testDb.db);
    const projectId = team.project.id;
    const lead = callerFor(team.members.lead);
    await expect(lead.metrics.backfill({ projectId })).resolves.toEqual({ windowsRecomputed: 0 });
    await expect(lead.metrics.backfill({ projectId, since: new Date(Date.now() + 86_400_000) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("since") });
    const audit = await testDb.db.selectFrom("audit_log").select("action").where("project_id", "=", projectId).execute();
    expect(audit).toEqual([{ action: "metrics.backfilled" }]);
  });
});
