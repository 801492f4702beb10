import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { listAnnotatorReliability } from "./reliability-queries";
import { refitQueue } from "./refit-service";
import { seedAnswers, type SeededAnswer } from "./test-support";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const CLASSES = ["helpful", "harmful", "off_topic"];

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/**
 * A queue of `itemCount` items whose truth cycles through the options: two annotators always answer the
 * truth, a third always says "helpful".
 */
async function seedCrowdQueue(itemCount: number, consensusMethod: "majority" | "dawid_skene" = "majority") {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id });
  await testDb.db.updateTable("queues").set({ consensus_method: consensusMethod }).where("id", "=", queue.id).execute();
  const items = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: itemCount });
  const [careful, alsoCareful, stamper] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 3 });
  const truth = (index: number) => CLASSES[index % 3]!;
  const answers: SeededAnswer[] = items.flatMap((item, index) => [
    { queueItemId: item.id, annotatorId: careful!.id, value: truth(index) },
    { queueItemId: item.id, annotatorId: alsoCareful!.id, value: truth(index) },
    { queueItemId: item.id, annotatorId: stamper!.id, value: "helpful" },
  ]);
  await seedAnswers(testDb.db, { projectId: team.project.id, queueId: queue.id }, answers);
  return { queue, items, careful: careful!, alsoCareful: alsoCareful!, stamper: stamper!, truth };
}

async function insertGold(queueId: string, item: { id: number; outputId: number }, value: string, method = "dawid_skene") {
  return testDb.db
    .insertInto("gold_labels")
    .values({
      project_id: team.project.id,
      queue_id: queueId,
      queue_item_id: item.id,
      output_id: item.outputId,
      values: JSON.stringify({ verdict: value }),
      method,
      confidence: 0.9,
      provenance: JSON.stringify({ seeded: true }),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

const fitsOf = (queueId: string) => testDb.db.selectFrom("quality_fits").selectAll().where("queue_id", "=", queueId).orderBy("id").execute();
const openFlagsOf = (queueId: string) => testDb.db.selectFrom("gold_refit_flags").selectAll().where("queue_id", "=", queueId).where("closed_at", "is", null).execute();

describe("refitQueue", () => {
  it("fits full Dawid–Skene, stores the fit with its timings and replaces the annotator stats", async () => {
    const { queue, careful, stamper } = await seedCrowdQueue(30);
    const outcome = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id, requestedBy: team.members.lead.id });

    expect(outcome.fields).toEqual([expect.objectContaining({ fieldKey: "verdict", method: "dawid_skene", labelCount: 90, itemCount: 30, annotatorCount: 3 })]);
    expect(outcome.reevaluated).toBeNull();
    const [fit] = await fitsOf(queue.id);
    expect(fit).toMatchObject({ method: "dawid_skene", classes: CLASSES, label_count: 90, item_count: 30, annotator_count: 3, clamped_item_count: 0, requested_by: team.members.lead.id, is_converged: true });
    expect(fit!.read_ms).toBeGreaterThanOrEqual(0);
    expect(fit!.write_ms).toBeGreaterThanOrEqual(0);
    expect((fit!.class_priors as number[]).reduce((sum, prior) => sum + prior, 0)).toBeCloseTo(1, 9);

    const stats = await listAnnotatorReliability(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect(stats).toHaveLength(3);
    expect(stats.at(-1)!.annotatorId).toBe(stamper.id);
    expect(stats.find((row) => row.annotatorId === careful.id)!.reliability).toBeGreaterThan(0.99);
    expect(stats.at(-1)!.reliability).toBeCloseTo(1 / 3, 2);
    const stamperRow = await testDb.db.selectFrom("annotator_stats").select("confusion").where("annotator_id", "=", stamper.id).executeTakeFirstOrThrow();
    // Whatever the truth, the stamper answers "helpful".
    for (const row of stamperRow.confusion as number[][]) expect(row[0]).toBeCloseTo(1, 6);

    const again = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    const rows = await testDb.db.selectFrom("annotator_stats").select("fit_id").where("queue_id", "=", queue.id).execute();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => Number(row.fit_id)))).toEqual(new Set([again.fields[0]!.fitId]));
    expect(await fitsOf(queue.id)).toHaveLength(2);
  });

  it("falls back to one-coin on thin data and skips a queue without answers", async () => {
    const { queue } = await seedCrowdQueue(4);
    const outcome = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect(outcome.fields[0]!.method).toBe("one_coin");

    const empty = await seedQueue(testDb.db, { projectId: team.project.id });
    await expect(refitQueue(testDb.db, { projectId: team.project.id, queueId: empty.id })).resolves.toMatchObject({ fields: [], skippedFields: ["verdict"] });
    expect(await fitsOf(empty.id)).toEqual([]);
  });

  it("counts gold-check answers, leaves decoy answers out and refuses a queue of another project", async () => {
    const { queue, items } = await seedCrowdQueue(30);
    const [extra] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 1 });
    await seedAnswers(testDb.db, { projectId: team.project.id, queueId: queue.id }, [
      { queueItemId: items[0]!.id, annotatorId: extra!.id, value: "helpful", goldCheckCorrect: true },
      { queueItemId: items[1]!.id, annotatorId: extra!.id, value: "helpful", isDecoy: true },
    ]);
    const outcome = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect(outcome.fields[0]).toMatchObject({ labelCount: 91, annotatorCount: 4 });

    const other = await seedProjectTeam(testDb.db);
    await expect(refitQueue(testDb.db, { projectId: other.project.id, queueId: queue.id })).rejects.toThrow("no such queue");
  });

  it("clamps active gold items to their known answer", async () => {
    const { queue, items } = await seedCrowdQueue(30, "dawid_skene");
    // Everyone says "helpful" on item 0 except the careful pair; the known answer says off_topic.
    await testDb.db
      .insertInto("gold_items")
      .values({ project_id: team.project.id, queue_id: queue.id, queue_item_id: items[0]!.id, expected_values: JSON.stringify({ verdict: "off_topic" }), source: "csv" })
      .execute();
    // A retired gold item is not clamped: the count below stays 1.
    await testDb.db
      .insertInto("gold_items")
      .values({ project_id: team.project.id, queue_id: queue.id, queue_item_id: items[3]!.id, expected_values: JSON.stringify({ verdict: "harmful" }), source: "csv", retired_at: new Date() })
      .execute();
    const gold = await insertGold(queue.id, items[0]!, "helpful");

    await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect((await fitsOf(queue.id))[0]!.clamped_item_count).toBe(1);
    expect(await openFlagsOf(queue.id)).toEqual([
      expect.objectContaining({ gold_label_id: gold.id, current_value: "helpful", suggested_value: "off_topic", posterior: 1 }),
    ]);
  });

  it("flags gold the new fit would change without rewriting it, and supersedes the flag once gold agrees again", async () => {
    const { queue, items } = await seedCrowdQueue(30, "dawid_skene");
    // Item 1's truth is "harmful"; its gold says off_topic. Item 2's adjudicated gold is a lead's call.
    const wrong = await insertGold(queue.id, items[1]!, "off_topic");
    await insertGold(queue.id, items[2]!, "helpful", "adjudicated");
    await insertGold(queue.id, items[4]!, "harmful");

    const first = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect(first).toMatchObject({ flagged: 1, superseded: 0 });
    const [flag] = await openFlagsOf(queue.id);
    expect(flag).toMatchObject({ gold_label_id: wrong.id, queue_item_id: items[1]!.id, field_key: "verdict", current_value: "off_topic", suggested_value: "harmful", fit_id: first.fields[0]!.fitId });
    expect(flag!.posterior).toBeGreaterThan(0.99);
    const stored = await testDb.db.selectFrom("gold_labels").select(["values", "is_current"]).where("id", "=", wrong.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ values: { verdict: "off_topic" }, is_current: true });

    // A second refit keeps one open flag, moved to the new fit.
    const second = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect(await openFlagsOf(queue.id)).toEqual([expect.objectContaining({ id: flag!.id, fit_id: second.fields[0]!.fitId })]);

    // A lead fixes the gold: the next refit closes the flag as superseded.
    await testDb.db.updateTable("gold_labels").set({ is_current: false }).where("id", "=", wrong.id).execute();
    await insertGold(queue.id, items[1]!, "harmful");
    const third = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect(third).toMatchObject({ flagged: 0, superseded: 1 });
    expect(await openFlagsOf(queue.id)).toEqual([]);
    const closed = await testDb.db.selectFrom("gold_refit_flags").select("closing").where("id", "=", flag!.id).executeTakeFirstOrThrow();
    expect(closed.closing).toBe("superseded");
  });

  it("does not raise a dismissed suggestion again", async () => {
    const { queue, items } = await seedCrowdQueue(30, "dawid_skene");
    await insertGold(queue.id, items[1]!, "off_topic");
    await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    await testDb.db.updateTable("gold_refit_flags").set({ closed_at: new Date(), closing: "dismissed" }).where("queue_id", "=", queue.id).execute();
    await expect(refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id })).resolves.toMatchObject({ flagged: 0 });
    expect(await openFlagsOf(queue.id)).toEqual([]);
  });

  it("decides the open items of a Dawid–Skene queue under the new fit", async () => {
    const { queue, items, truth } = await seedCrowdQueue(30, "dawid_skene");
    await testDb.db.updateTable("queues").set({ min_posterior: 0.9 }).where("id", "=", queue.id).execute();
    await testDb.db.updateTable("queue_items").set({ state: "needs_resolution" }).where("queue_id", "=", queue.id).execute();

    const phases: string[] = [];
    const outcome = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id }, async (phase) => void phases.push(phase));
    expect(phases).toEqual(["reading", "fitting", "writing", "reevaluating", "flagging"]);
    expect(outcome.reevaluated).toEqual({ resolved: 30, conflicts: 0 });
    const golds = await testDb.db
      .selectFrom("gold_labels")
      .select(["queue_item_id", "values", "method", "provenance"])
      .where("queue_id", "=", queue.id)
      .where("is_current", "=", true)
      .orderBy("queue_item_id")
      .execute();
    // The careful pair outweighs the stamper: gold is the truth on every item, from this fit.
    expect(golds.map((gold) => (gold.values as { verdict: string }).verdict)).toEqual(items.map((_, index) => truth(index)));
    expect(new Set(golds.map((gold) => gold.method))).toEqual(new Set(["dawid_skene"]));
    expect(golds[0]!.provenance).toMatchObject({ fitId: outcome.fields[0]!.fitId, model: "dawid_skene" });
    expect(outcome.flagged).toBe(0);
  });

  it("only flags on Dawid–Skene queues", async () => {
    const { queue, items } = await seedCrowdQueue(30, "majority");
    await insertGold(queue.id, items[1]!, "off_topic", "majority");
    await expect(refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id })).resolves.toMatchObject({ flagged: 0, reevaluated: null });
    expect(await openFlagsOf(queue.id)).toEqual([]);
  });
});
