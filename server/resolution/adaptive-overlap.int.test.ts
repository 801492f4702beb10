import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { claimNext } from "@/server/review/service";
import { submitAnnotation } from "@/server/review/submit-service";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** A one-item majority queue with k = 2 and K = 3, and four annotators. */
async function adaptiveQueue() {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2 });
  await testDb.db.updateTable("queues").set({ max_overlap: 3 }).where("id", "=", queue.id).execute();
  const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
  const annotators = await seedReviewers(testDb.db, { projectId: team.project.id, count: 4 });
  const actors = annotators.map((annotator) => ({ projectId: team.project.id, userId: annotator.id }));
  const claim = (index: number) => claimNext(testDb.db, actors[index]!, { queueId: queue.id });
  const submit = (index: number, assignmentId: number, verdict: string) => submitAnnotation(testDb.db, actors[index]!, { assignmentId, values: { verdict } });
  const answer = async (index: number, verdict: string) => {
    const task = await claim(index);
    if (!task) throw new Error(`annotator ${index} found nothing to claim`);
    return submit(index, task.assignment.id, verdict);
  };
  const readItem = () => testDb.db.selectFrom("queue_items").select(["state", "extra_seats", "assigned_count", "submitted_count", "conflict_reasons"]).where("id", "=", item!.id).executeTakeFirstOrThrow();
  const readGold = () => testDb.db.selectFrom("gold_labels").selectAll().where("queue_item_id", "=", item!.id).execute();
  return { queue, item: item!, claim, submit, answer, readItem, readGold };
}

describe("adaptive overlap (k = 2, K = 3)", () => {
  it("resolves k agreeing answers without asking anyone else", async () => {
    const { answer, readItem, readGold, claim } = await adaptiveQueue();
    await answer(0, "helpful");
    expect((await answer(1, "helpful")).itemState).toBe("resolved");
    expect(await readItem()).toMatchObject({ state: "resolved", extra_seats: 0 });
    expect((await readGold())[0]).toMatchObject({ method: "unanimous", provenance: expect.objectContaining({ seats: 2 }) });
    expect(await claim(2)).toBeNull();
  });

  it("asks for a third annotator on disagreement, gives the seat to one person only, and resolves on the third answer", async () => {
    const { answer, readItem, readGold, claim, submit } = await adaptiveQueue();
    await answer(0, "helpful");
    const second = await answer(1, "harmful");
    expect(second.itemState).toBe("pending");
    expect(await readItem()).toMatchObject({ state: "pending", extra_seats: 1, assigned_count: 2, submitted_count: 2 });
    expect(await readGold()).toEqual([]);

    const third = await claim(2);
    expect(third).not.toBeNull();
    // The extra seat is taken: a fourth annotator gets nothing while the third holds it.
    expect(await claim(3)).toBeNull();
    expect((await submit(2, third!.assignment.id, "helpful")).itemState).toBe("resolved");

    expect(await readItem()).toMatchObject({ state: "resolved", extra_seats: 1, submitted_count: 3 });
    const gold = await readGold();
    expect(gold).toHaveLength(1);
    expect(gold[0]).toMatchObject({ method: "majority", values: { verdict: "helpful" }, provenance: expect.objectContaining({ seats: 3 }) });
    expect(gold[0]!.confidence).toBeCloseTo(2 / 3);
    expect(await claim(3)).toBeNull();
  });

  it("goes to conflict once K answers still disagree, and never seats a fourth annotator", async () => {
    const { answer, readItem, readGold, claim } = await adaptiveQueue();
    await answer(0, "helpful");
    await answer(1, "harmful");
    const third = await answer(2, "off_topic");
    expect(third.itemState).toBe("conflict");
    expect(await readItem()).toMatchObject({ state: "conflict", extra_seats: 1, submitted_count: 3, conflict_reasons: ["Verdict: split Harmful 1, Helpful 1, Off topic 1, none reaches 60 %"] });
    expect(await readGold()).toEqual([]);
    expect(await claim(3)).toBeNull();
  });
});
