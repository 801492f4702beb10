import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import type { ProjectRole } from "@/db/types";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { ingestOutputs } from "@/server/ingest/service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { buildQueueInput } from "./test-fixtures";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const as = (role: ProjectRole) => callerFor(team.members[role]);
const projectId = () => team.project.id;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

async function createQueue(name: string, samplingRule: { rate: number; tags?: string[] } = { rate: 1 }) {
  const { id } = await as("lead").queues.create({ projectId: projectId(), ...buildQueueInput(samplingRule, { name }) });
  return id;
}

const definitionOf = async (queueId: string) => {
  const queue = await as("lead").queues.get({ projectId: projectId(), queueId });
  return { projectId: projectId(), queueId, name: queue.name, instructions: queue.instructions, overlap: queue.overlap, leaseSeconds: queue.leaseSeconds, samplingRule: queue.samplingRule };
};

const auditOf = (queueId: string, action: string) =>
  testDb.db.selectFrom("audit_log").select(["data", "actor_user_id as actorUserId"]).where("target_id", "=", queueId).where("action", "=", action).execute();

const itemState = async (itemId: number) => (await testDb.db.selectFrom("queue_items").select(["state", "assigned_count"]).where("id", "=", itemId).executeTakeFirstOrThrow());

describe("editing a queue", () => {
  it("changes name, instructions, lease and rule, auditing only what changed with what it replaced", async () => {
    const queueId = await createQueue("Drafts");
    const before = await definitionOf(queueId);
    const result = await as("lead").queues.update({ ...before, name: "  Billing drafts ", instructions: "## Check the amounts", leaseSeconds: 900 });
    expect(result).toEqual({ changed: ["name", "instructions", "leaseSeconds"], settled: { resolved: 0, conflicts: 0, awaitingMore: 0 } });

    const after = await as("annotator").queues.get({ projectId: projectId(), queueId });
    expect(after).toMatchObject({ name: "Billing drafts", instructions: "## Check the amounts", leaseSeconds: 900, overlap: 2 });
    const [audit] = await auditOf(queueId, "queue.updated");
    expect(audit).toMatchObject({
      actorUserId: team.members.lead.id,
      data: { changes: { name: { from: "Drafts", to: "Billing drafts" }, leaseSeconds: { from: 600, to: 900 }, instructions: { to: "## Check the amounts" } } },
    });
    expect(Object.keys((audit!.data as { changes: object }).changes)).toEqual(["name", "instructions", "leaseSeconds"]);
  });

  it("writes nothing for an edit that changes nothing", async () => {
    const queueId = await createQueue("Unchanged");
    await expect(as("admin").queues.update(await definitionOf(queueId))).resolves.toMatchObject({ changed: [] });
    expect(await auditOf(queueId, "queue.updated")).toHaveLength(0);
  });

  it("refuses a k above the queue's K, naming overlap, and leaves the queue as it was", async () => {
    const queueId = await createQueue("Adaptive");
    await as("lead").queues.updateQualitySettings({ projectId: projectId(), queueId, consensusMethod: "majority", majorityThreshold: 0.6, minPosterior: 0.9, maxOverlap: 3, goldItemRate: 0, gateMinAccuracy: null, gateMinGoldItems: 10, dailyCap: null });
    const before = await definitionOf(queueId);
    await expect(as("lead").queues.update({ ...before, name: "Renamed too", overlap: 4 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most the queue's maxOverlap (3)"),
      cause: { field: "overlap" },
    });
    expect(await definitionOf(queueId)).toEqual(before);
  });

  it("applies a new rule to outputs ingested from then on, planning the day again", async () => {
    const queueId = await createQueue("Refunds", { rate: 1, tags: ["refund"] });
    const source = { projectId: projectId(), apiKeyId: null };
    await ingestOutputs(testDb.db, source, [buildOutputItem(9001, { tags: ["refund"] }), buildOutputItem(9002, { tags: ["billing"] })]);
    expect(await testDb.db.selectFrom("sampling_day_plans").select("day").where("queue_id", "=", queueId).execute()).not.toHaveLength(0);

    const before = await definitionOf(queueId);
    await as("lead").queues.update({ ...before, samplingRule: { ...before.samplingRule, tags: ["billing"] } });
    expect(await testDb.db.selectFrom("sampling_day_plans").select("day").where("queue_id", "=", queueId).execute()).toHaveLength(0);

    await ingestOutputs(testDb.db, source, [buildOutputItem(9003, { tags: ["refund"] }), buildOutputItem(9004, { tags: ["billing"] })]);
    const queued = await testDb.db
      .selectFrom("queue_items")
      .innerJoin("outputs", "outputs.id", "queue_items.output_id")
      .select("outputs.tags")
      .where("queue_items.queue_id", "=", queueId)
      .orderBy("queue_items.id")
      .execute();
    // The item drawn under the old rule stays; of the new outputs, only the billing one is taken.
    expect(queued.map((row) => row.tags)).toEqual([["refund"], ["billing"]]);
  });

  it("resolves the open items a lowered k completes, ending leases on them, and leaves the others open", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 3 });
    const [agreed, split, started] = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 3 });
    const [first, second, third] = await seedReviewers(testDb.db, { projectId: projectId(), count: 3 });
    const answer = async (person: Person, verdict: string) => {
      const task = await callerFor(person).review.claimNext({ projectId: projectId(), queueId: queue.id });
      return callerFor(person).review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict } });
    };
    // Claims go in id order: each reviewer answers `agreed`, then `split`, then `started`.
    await answer(first!, "helpful");
    await answer(first!, "helpful");
    await answer(first!, "helpful");
    await answer(second!, "helpful");
    await answer(second!, "harmful");
    const thirdsLease = await callerFor(third!).review.claimNext({ projectId: projectId(), queueId: queue.id });
    expect(thirdsLease!.assignment.queueItemId).toBe(agreed!.id);

    const result = await as("lead").queues.update({ ...(await definitionOf(queue.id)), overlap: 2 });
    expect(result).toEqual({ changed: ["overlap"], settled: { resolved: 1, conflicts: 1, awaitingMore: 0 } });
    expect(await itemState(agreed!.id)).toEqual({ state: "resolved", assigned_count: 2 });
    expect(await itemState(split!.id)).toMatchObject({ state: "conflict" });
    expect(await itemState(started!.id)).toMatchObject({ state: "in_review" });
    const gold = await testDb.db.selectFrom("gold_labels").select(["values", "method"]).where("queue_item_id", "=", agreed!.id).executeTakeFirstOrThrow();
    expect(gold).toEqual({ values: { verdict: "helpful" }, method: "unanimous" });

    await expect(callerFor(third!).review.submit({ projectId: projectId(), assignmentId: thirdsLease!.assignment.id, values: { verdict: "harmful" } })).rejects.toMatchObject({
      message: "your lease expired and the item was given to someone else",
    });
    // The third reviewer now completes `started` with its second answer.
    await answer(third!, "helpful");
    expect(await itemState(started!.id)).toMatchObject({ state: "resolved" });
    const [audit] = await auditOf(queue.id, "queue.updated");
    expect(audit!.data).toMatchObject({ changes: { overlap: { from: 3, to: 2 } }, settled: { resolved: 1, conflicts: 1 } });
  });

  it("refuses an answer from a lease the item outlived, so raising k again cannot reopen its gold", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 3 });
    const [item] = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 1 });
    const [first, second] = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
    const firstLease = await callerFor(first!).review.claimNext({ projectId: projectId(), queueId: queue.id });
    const secondLease = await callerFor(second!).review.claimNext({ projectId: projectId(), queueId: queue.id });
    await as("lead").queues.update({ ...(await definitionOf(queue.id)), overlap: 1 });
    await callerFor(first!).review.submit({ projectId: projectId(), assignmentId: firstLease!.assignment.id, values: { verdict: "helpful" } });
    expect(await itemState(item!.id)).toMatchObject({ state: "resolved" });

    await as("lead").queues.update({ ...(await definitionOf(queue.id)), overlap: 2 });
    await expect(callerFor(second!).review.submit({ projectId: projectId(), assignmentId: secondLease!.assignment.id, values: { verdict: "harmful" } })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "this item got its answers from others first; take the next item",
    });
    expect(await itemState(item!.id)).toEqual({ state: "resolved", assigned_count: 1 });
    const lease = await testDb.db.selectFrom("assignments").select("state").where("id", "=", secondLease!.assignment.id).executeTakeFirstOrThrow();
    expect(lease.state).toBe("expired");
    expect(await testDb.db.selectFrom("gold_labels").select("values").where("queue_item_id", "=", item!.id).execute()).toEqual([{ values: { verdict: "helpful" } }]);
  });
});

describe("archiving a queue", () => {
  it("hides it from the list, claims and ingest, keeps its items, and restores it as it was", async () => {
    const queueId = await createQueue("Seasonal", { rate: 1, tags: ["seasonal"] });
    const source = { projectId: projectId(), apiKeyId: null };
    await ingestOutputs(testDb.db, source, [buildOutputItem(9101, { tags: ["seasonal"] })]);

    await expect(as("lead").queues.archive({ projectId: projectId(), queueId })).resolves.toEqual({ id: queueId, isArchived: true });
    expect((await as("annotator").queues.list({ projectId: projectId() })).map((queue) => queue.id)).not.toContain(queueId);
    await expect(as("annotator").queues.get({ projectId: projectId(), queueId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("annotator").queues.getArchived({ projectId: projectId(), queueId })).resolves.toMatchObject({ id: queueId, name: "Seasonal", archivedAt: expect.any(Date) });
    await expect(as("annotator").review.claimNext({ projectId: projectId(), queueId })).resolves.toBeNull();
    await ingestOutputs(testDb.db, source, [buildOutputItem(9102, { tags: ["seasonal"] })]);
    const archived = await as("lead").queues.listArchived({ projectId: projectId() });
    expect(archived.find((queue) => queue.id === queueId)).toMatchObject({ name: "Seasonal", items: 1, gold: 0 });
    await expect(as("lead").queues.archive({ projectId: projectId(), queueId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "this queue is archived already" });

    await as("admin").queues.restore({ projectId: projectId(), queueId });
    expect((await as("annotator").queues.get({ projectId: projectId(), queueId })).progress.total).toBe(1);
    await expect(as("annotator").queues.getArchived({ projectId: projectId(), queueId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("lead").queues.restore({ projectId: projectId(), queueId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "this queue is not archived" });
    expect((await as("lead").queues.listArchived({ projectId: projectId() })).map((queue) => queue.id)).not.toContain(queueId);
    expect((await auditOf(queueId, "queue.archived")).length + (await auditOf(queueId, "queue.restored")).length).toBe(2);
  });
});

describe("a queue's item list", () => {
  it("pages items newest first, filters by state, counts every state and shows gold", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 1 });
    const items = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 5 });
    const task = await as("annotator").review.claimNext({ projectId: projectId(), queueId: queue.id });
    await as("annotator").review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "harmful" } });

    const firstPage = await as("lead").queues.items({ projectId: projectId(), queueId: queue.id, limit: 3 });
    expect(firstPage.items.map((item) => item.id)).toEqual(items.slice(2).map((item) => item.id).reverse());
    expect(firstPage.stateCounts).toEqual({ pending: 4, resolved: 1 });
    const secondPage = await as("lead").queues.items({ projectId: projectId(), queueId: queue.id, limit: 3, cursor: firstPage.nextCursor! });
    expect(secondPage.items.map((item) => item.id)).toEqual([items[1]!.id, items[0]!.id]);
    expect(secondPage.nextCursor).toBeNull();

    const resolved = await as("admin").queues.items({ projectId: projectId(), queueId: queue.id, state: "resolved" });
    expect(resolved.items).toHaveLength(1);
    expect(resolved.items[0]).toMatchObject({ id: items[0]!.id, state: "resolved", submittedCount: 1, seats: 1, goldMethod: "unanimous", goldValues: { verdict: "harmful" } });
    expect(resolved.items[0]!.outputPreview).toMatch(/^Answer /);
    await expect(as("lead").queues.items({ projectId: projectId(), queueId: queue.id, state: "conflict" })).resolves.toMatchObject({ items: [], nextCursor: null });
  });
});
