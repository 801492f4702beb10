import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { claimNext } from "@/server/review/service";
import { submitAnnotation } from "@/server/review/submit-service";
import { confusionOf, insertFit } from "./consensus-test-support";
import { getGoldHistory } from "./revision-service";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

const CLASSES = ["helpful", "harmful", "off_topic"];
const PRIORS = [0.5, 0.3, 0.2];

/**
 * A Dawid–Skene queue of overlap 3 with a fit in which the first annotator is reliable (0.95) and the other
 * two are close to guessing (0.4); each answers the one item as told.
 */
async function answerOnDawidSkeneQueue(verdicts: [string, string, string], settings: { minPosterior: number }) {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 3 });
  await testDb.db.updateTable("queues").set({ consensus_method: "dawid_skene", min_posterior: settings.minPosterior }).where("id", "=", queue.id).execute();
  const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
  const annotators = await seedReviewers(testDb.db, { projectId: team.project.id, count: 3 });
  const accuracies = [0.95, 0.4, 0.4];
  const fitId = await insertFit(testDb.db, {
    projectId: team.project.id,
    queueId: queue.id,
    fieldKey: "verdict",
    classes: CLASSES,
    priors: PRIORS,
    confusionByAnnotator: Object.fromEntries(annotators.map((annotator, index) => [annotator.id, confusionOf(3, accuracies[index]!)])),
  });
  const results = [];
  for (const [index, annotator] of annotators.entries()) {
    const actor = { projectId: team.project.id, userId: annotator.id };
    const task = await claimNext(testDb.db, actor, { queueId: queue.id });
    results.push(await submitAnnotation(testDb.db, actor, { assignmentId: task!.assignment.id, values: { verdict: verdicts[index]! } }));
  }
  const state = await testDb.db.selectFrom("queue_items").select(["state", "conflict_reasons"]).where("id", "=", item!.id).executeTakeFirstOrThrow();
  const gold = await testDb.db.selectFrom("gold_labels").selectAll().where("queue_item_id", "=", item!.id).execute();
  return { item: item!, annotators, accuracies, fitId, results, state, gold };
}

/** P(true value | answers) by Bayes' rule over the fit's priors and confusion matrices, written out. */
function posteriorByHand(verdicts: string[], accuracies: number[]): number[] {
  const joint = CLASSES.map((truth, t) =>
    verdicts.reduce((product, verdict, index) => product * (verdict === truth ? accuracies[index]! : (1 - accuracies[index]!) / 2), PRIORS[t]!),
  );
  const total = joint.reduce((sum, value) => sum + value, 0);
  return joint.map((value) => value / total);
}

describe("Dawid–Skene resolution", () => {
  it("follows the reliable annotator against a majority of near-guessers, with the posterior as confidence and the weights in provenance", async () => {
    const verdicts: [string, string, string] = ["harmful", "helpful", "helpful"];
    const { item, annotators, accuracies, fitId, results, state, gold } = await answerOnDawidSkeneQueue(verdicts, { minPosterior: 0.9 });
    const posterior = posteriorByHand(verdicts, accuracies);
    expect(posterior[1]).toBeGreaterThan(0.9);

    expect(results.at(-1)!.itemState).toBe("resolved");
    expect(state.state).toBe("resolved");
    expect(gold).toHaveLength(1);
    expect(gold[0]).toMatchObject({ method: "dawid_skene", values: { verdict: "harmful" }, resolved_by: null, is_current: true });
    expect(gold[0]!.confidence).toBeCloseTo(posterior[1]!, 10);
    const provenance = gold[0]!.provenance as Record<string, unknown>;
    expect(provenance).toMatchObject({
      votes: Object.fromEntries(annotators.map((annotator, index) => [annotator.id, verdicts[index]])),
      annotationIds: results.map((result) => result.annotationId),
      fitId,
      model: "dawid_skene",
      minPosterior: 0.9,
      seats: 3,
    });
    const weights = provenance.weights as Record<string, number>;
    // Reliability under the priors: Σ prior · P(right | truth) = the annotator's accuracy here.
    for (const [index, annotator] of annotators.entries()) expect(weights[annotator.id]).toBeCloseTo(accuracies[index]!, 10);
    const stored = provenance.posterior as Record<string, number>;
    CLASSES.forEach((value, index) => expect(stored[value]).toBeCloseTo(posterior[index]!, 10));

    // The item's gold history names the fit, so a lead can tell which model decided it.
    const history = await getGoldHistory(testDb.db, { projectId: team.project.id, userId: team.members.lead.id, role: "lead" }, item.id);
    expect(history.golds).toEqual([expect.objectContaining({ method: "dawid_skene", fitId, isCurrent: true })]);
  });

  it("sends an item whose best posterior is below the queue's minimum to conflict, naming the posterior", async () => {
    const verdicts: [string, string, string] = ["harmful", "helpful", "helpful"];
    const { state, gold } = await answerOnDawidSkeneQueue(verdicts, { minPosterior: 0.99 });
    const posterior = posteriorByHand(verdicts, [0.95, 0.4, 0.4]);
    expect(state).toMatchObject({ state: "conflict", conflict_reasons: [expect.stringContaining(`posterior ${posterior[1]!.toFixed(3)}, below the queue's minimum 0.99`)] });
    expect(gold).toEqual([]);
  });
});

describe("a Dawid–Skene queue before its first fit", () => {
  it("resolves agreeing answers by the majority threshold and says why, instead of sending them to a lead", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2 });
    await testDb.db.updateTable("queues").set({ consensus_method: "dawid_skene", min_posterior: 0.9 }).where("id", "=", queue.id).execute();
    const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    for (const annotator of await seedReviewers(testDb.db, { projectId: team.project.id, count: 2 })) {
      const actor = { projectId: team.project.id, userId: annotator.id };
      const task = await claimNext(testDb.db, actor, { queueId: queue.id });
      await submitAnnotation(testDb.db, actor, { assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    }
    const [gold] = await testDb.db.selectFrom("gold_labels").selectAll().where("queue_item_id", "=", item!.id).execute();
    expect(gold).toMatchObject({ method: "unanimous", confidence: 1, values: { verdict: "helpful" } });
    expect(gold!.provenance).toMatchObject({ fallback: "no Dawid–Skene fit of this queue yet: majority threshold used" });
  });
});
