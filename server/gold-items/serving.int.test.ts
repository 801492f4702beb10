import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { callerFor, isGoldCheckRow, seedGoldQueue } from "./test-support";

const testDb = setUpTestDatabase();

/** Every key path of a value, so two tasks can be compared by shape and not by content. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || value instanceof Date || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, `${prefix}.${key}`)).sort();
}

async function itemCounters(queueItemIds: number[]) {
  return testDb.db.selectFrom("queue_items").select(["id", "state", "assigned_count", "submitted_count", "skipped_count"]).where("id", "in", queueItemIds).orderBy("id").execute();
}

describe("gold checks in the review stream", () => {
  it("are mixed in at the queue's rate, each at most once per annotator, take no seat and never count", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 120, gold: 100, goldItemRate: 0.25 });
    const goldItemIds = world.goldItems.map((gold) => gold.queueItemId);
    const goldBefore = await itemCounters(goldItemIds);
    const annotator = callerFor(testDb.db, world.annotators[0]!);
    const served: number[] = [];
    let production = 0;
    for (;;) {
      const task = await annotator.review.claimNext({ projectId: world.projectId, queueId: world.queue.id });
      if (!task) break;
      if (await isGoldCheckRow(testDb.db, task.assignment.id)) served.push(task.assignment.queueItemId);
      else production += 1;
      await annotator.review.submit({ projectId: world.projectId, assignmentId: task.assignment.id, values: { verdict: "helpful" } });
    }
    expect(production).toBe(120);
    // Expected 40 gold checks (120 · 0.25 / 0.75, sd ≈ 7.3); the bounds are about 3.5 sd wide.
    expect(served.length).toBeGreaterThanOrEqual(15);
    expect(served.length).toBeLessThanOrEqual(70);
    expect(new Set(served).size).toBe(served.length);
    expect(served.every((id) => goldItemIds.includes(id))).toBe(true);
    // The gold items themselves did not move: no seats, no submissions, still resolved.
    expect(await itemCounters(goldItemIds)).toEqual(goldBefore);
    const answers = await testDb.db
      .selectFrom("annotations")
      .select(["queue_item_id", "counts_toward_gold", "gold_check_correct"])
      .where("project_id", "=", world.projectId)
      .where("queue_item_id", "in", goldItemIds)
      .execute();
    expect(answers).toHaveLength(served.length);
    expect(answers.every((answer) => answer.counts_toward_gold === false && answer.gold_check_correct === true)).toBe(true);
    const accuracy = await callerFor(testDb.db, world.members.lead).goldItems.listAccuracy({ projectId: world.projectId, queueId: world.queue.id });
    expect(accuracy).toEqual([expect.objectContaining({ annotatorId: world.annotators[0]!.id, checks: served.length, correct: served.length, accuracy: 1 })]);
  });

  it("are never served at rate 0, nor once production work has run out", async () => {
    const off = await seedGoldQueue(testDb.db, { production: 5, gold: 5, goldItemRate: 0 });
    const offCaller = callerFor(testDb.db, off.annotators[0]!);
    for (let index = 0; index < 5; index += 1) {
      const task = await offCaller.review.claimNext({ projectId: off.projectId, queueId: off.queue.id });
      expect(await isGoldCheckRow(testDb.db, task!.assignment.id)).toBe(false);
      await offCaller.review.submit({ projectId: off.projectId, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    }
    await testDb.db.updateTable("queues").set({ gold_item_rate: 0.5 }).where("id", "=", off.queue.id).execute();
    // Nothing left but gold: the annotator is done, not fed gold checks only.
    expect(await offCaller.review.claimNext({ projectId: off.projectId, queueId: off.queue.id })).toBeNull();
  });

  it("look exactly like production work in the browser's JSON, and answering one reports what a production answer reports", async () => {
    // overlap 1: a production answer resolves its item and a gold-check answer changes nothing, yet the replies match.
    const world = await seedGoldQueue(testDb.db, { production: 60, gold: 1, goldItemRate: 0.5, overlap: 1 });
    const annotator = callerFor(testDb.db, world.annotators[0]!);
    const tasks: { gold?: unknown; production?: unknown; goldSubmit?: unknown; productionSubmit?: unknown } = {};
    while (!tasks.gold || !tasks.production) {
      const task = await annotator.review.claimNext({ projectId: world.projectId, queueId: world.queue.id });
      const kind = (await isGoldCheckRow(testDb.db, task!.assignment.id)) ? "gold" : "production";
      const submitted = await annotator.review.submit({ projectId: world.projectId, assignmentId: task!.assignment.id, values: { verdict: "harmful" } });
      tasks[kind] ??= task;
      tasks[kind === "gold" ? "goldSubmit" : "productionSubmit"] ??= submitted;
    }
    expect(keyPaths(tasks.gold)).toEqual(keyPaths(tasks.production));
    expect(JSON.stringify(tasks.gold)).not.toMatch(/gold|expected|is_?gold|known/i);
    expect(tasks.gold).toMatchObject({ assignment: { state: "active" }, suggestion: null });
    expect(tasks.goldSubmit).toEqual({ annotationId: expect.any(Number), alreadySubmitted: false });
    expect(tasks.productionSubmit).toEqual({ annotationId: expect.any(Number), alreadySubmitted: false });
  });

  it("are graded against the known answer, open no shared view and stay out of the annotator's items", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 60, gold: 1, goldItemRate: 0.5 });
    const annotator = callerFor(testDb.db, world.annotators[0]!);
    let goldAssignmentId: number | undefined;
    let production = 0;
    while (goldAssignmentId === undefined || production === 0) {
      const task = await annotator.review.claimNext({ projectId: world.projectId, queueId: world.queue.id });
      if (await isGoldCheckRow(testDb.db, task!.assignment.id)) goldAssignmentId = task!.assignment.id;
      else production += 1;
      await annotator.review.submit({ projectId: world.projectId, assignmentId: task!.assignment.id, values: { verdict: "harmful" } });
    }
    const answer = await testDb.db.selectFrom("annotations").select(["counts_toward_gold", "gold_check_correct"]).where("assignment_id", "=", goldAssignmentId).executeTakeFirstOrThrow();
    expect(answer).toEqual({ counts_toward_gold: false, gold_check_correct: false });
    const goldItemId = world.goldItems[0]!.queueItemId;
    await expect(annotator.resolution.getShared({ projectId: world.projectId, queueItemId: goldItemId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mine = await annotator.review.myItems({ projectId: world.projectId });
    expect(mine.map((item) => item.queueItemId)).not.toContain(goldItemId);
    expect(mine.length).toBeGreaterThan(0);
  });

  it("give nothing back when skipped or expired, and are not served to the same annotator again", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 60, gold: 2, goldItemRate: 0.5, annotators: 1 });
    const goldItemIds = world.goldItems.map((gold) => gold.queueItemId);
    const before = await itemCounters(goldItemIds);
    const annotator = callerFor(testDb.db, world.annotators[0]!);
    const goldAssignments: number[] = [];
    while (goldAssignments.length < 2) {
      const task = await annotator.review.claimNext({ projectId: world.projectId, queueId: world.queue.id });
      if (!(await isGoldCheckRow(testDb.db, task!.assignment.id))) {
        await annotator.review.submit({ projectId: world.projectId, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
        continue;
      }
      goldAssignments.push(task!.assignment.id);
      if (goldAssignments.length === 1) {
        await annotator.review.skip({ projectId: world.projectId, assignmentId: task!.assignment.id, reason: "unclear" });
      } else {
        // The lease runs out; the next claim reaps it.
        await testDb.db.updateTable("assignments").set({ lease_expires_at: new Date(Date.now() - 1000) }).where("id", "=", task!.assignment.id).execute();
      }
    }
    for (;;) {
      const task = await annotator.review.claimNext({ projectId: world.projectId, queueId: world.queue.id });
      if (!task) break;
      expect(await isGoldCheckRow(testDb.db, task.assignment.id)).toBe(false);
      await annotator.review.submit({ projectId: world.projectId, assignmentId: task.assignment.id, values: { verdict: "helpful" } });
    }
    expect(await itemCounters(goldItemIds)).toEqual(before);
    const states = await testDb.db.selectFrom("assignments").select("state").where("id", "in", goldAssignments).orderBy("id").execute();
    expect(states.map((row) => row.state)).toEqual(["skipped", "expired"]);
  });

  it("never serve one gold item twice to an annotator claiming from several tabs at once", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 60, gold: 3, goldItemRate: 0.5 });
    const annotator = callerFor(testDb.db, world.annotators[0]!);
    for (let round = 0; round < 16; round += 1) {
      const tasks = await Promise.all([1, 2, 3].map(() => annotator.review.claimNext({ projectId: world.projectId, queueId: world.queue.id })));
      const distinct = new Set(tasks.flatMap((task) => (task ? [task.assignment.id] : [])));
      for (const assignmentId of distinct) await annotator.review.submit({ projectId: world.projectId, assignmentId, values: { verdict: "helpful" } });
    }
    const served = await testDb.db.selectFrom("assignments").select("queue_item_id").where("annotator_id", "=", world.annotators[0]!.id).where("is_gold_check", "=", true).execute();
    expect(served.length).toBeGreaterThan(0);
    expect(new Set(served.map((row) => row.queue_item_id)).size).toBe(served.length);
  });
});
