import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProject, seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { computeWilsonInterval } from "@/server/quality/wilson";
import type { SessionUser } from "@/server/users/schema";

const testDb = setUpTestDatabase();
const DAY_MS = 86_400_000;
const now = new Date();
const todayUtc = Math.floor(now.getTime() / DAY_MS) * DAY_MS;

let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let bob: SessionUser;
let refunds: { id: string };
let checks: { id: string };
const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));

/** Claims the next item of the queue as `user` and answers it; returns the item and its annotation. */
async function answer(user: SessionUser, queueId: string, verdict: string, timeSpentMs: number) {
  const projectId = team.project.id;
  const task = await callerFor(user).review.claimNext({ projectId, queueId });
  await callerFor(user).review.submit({ projectId, assignmentId: task!.assignment.id, values: { verdict }, timeSpentMs });
  const annotation = await testDb.db.selectFrom("annotations").select(["id", "queue_item_id"]).where("assignment_id", "=", task!.assignment.id).executeTakeFirstOrThrow();
  return { assignmentId: task!.assignment.id, itemId: annotation.queue_item_id, annotationId: annotation.id };
}

async function insertFit(queueId: string, annotatorId: string, reliability: number, labelCount: number) {
  const projectId = team.project.id;
  const fit = await testDb.db
    .insertInto("quality_fits")
    .values({
      project_id: projectId,
      queue_id: queueId,
      field_key: "verdict",
      method: "dawid_skene",
      classes: JSON.stringify(["helpful", "harmful", "off_topic"]),
      class_priors: JSON.stringify([0.5, 0.3, 0.2]),
      iterations: 12,
      is_converged: true,
      log_likelihood: -10,
      label_count: labelCount,
      item_count: labelCount,
      annotator_count: 2,
      clamped_item_count: 0,
      read_ms: 1,
      fit_ms: 1,
      write_ms: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await testDb.db
    .insertInto("annotator_stats")
    .values({ project_id: projectId, queue_id: queueId, field_key: "verdict", annotator_id: annotatorId, fit_id: fit.id, confusion: JSON.stringify([]), reliability, label_count: labelCount })
    .execute();
}

/**
 * Ann and Bob answer the same four items of "Refunds" (Ann: helpful, helpful, harmful, helpful; Bob:
 * helpful, harmful, harmful, off_topic); Ann skips a fifth, which Bob answers as a decoy. Ann's three answers in "Checks" are turned into
 * gold checks (two right), which must count nowhere but in gold accuracy.
 */
beforeAll(async () => {
  const db = testDb.db;
  team = await seedProjectTeam(db);
  const projectId = team.project.id;
  [bob] = (await seedReviewers(db, { projectId, count: 1 })) as [SessionUser];
  refunds = await seedQueue(db, { projectId, name: "Refunds", overlap: 2 });
  checks = await seedQueue(db, { projectId, name: "Checks", overlap: 1 });
  await seedQueueItems(db, { projectId, queueId: refunds.id, count: 5 });
  await seedQueueItems(db, { projectId, queueId: checks.id, count: 3 });

  const ann = team.members.annotator;
  const annAnswers = [];
  for (const [verdict, timeSpentMs] of [["helpful", 1_000], ["helpful", 2_000], ["harmful", 3_000], ["helpful", 10_000]] as const) {
    annAnswers.push(await answer(ann, refunds.id, verdict, timeSpentMs));
  }
  const skipped = await callerFor(ann).review.claimNext({ projectId, queueId: refunds.id });
  await callerFor(ann).review.skip({ projectId, assignmentId: skipped!.assignment.id, reason: "unclear" });
  const bobAnswers = [];
  for (const verdict of ["helpful", "harmful", "harmful", "off_topic"]) bobAnswers.push(await answer(bob, refunds.id, verdict, 4_000));
  expect(bobAnswers.map((entry) => entry.itemId), "Bob answers the items Ann answered").toEqual(annAnswers.map((entry) => entry.itemId));
  // Bob's fifth answer was on a decoy (a deliberately wrong suggestion): a test of Bob, not his work.
  const decoy = await answer(bob, refunds.id, "off_topic", 90_000);
  await db.updateTable("assignments").set({ is_decoy: true }).where("id", "=", decoy.assignmentId).execute();
  await db.updateTable("annotations").set({ was_decoy: true, counts_toward_gold: false }).where("id", "=", decoy.annotationId).execute();

  // Two answers today, one three days ago, one before the 30-day window.
  const daysAgo = [0, 0, 3, 40];
  for (const [index, entry] of annAnswers.entries()) {
    await db.updateTable("annotations").set({ created_at: new Date(todayUtc - daysAgo[index]! * DAY_MS + 60_000) }).where("id", "=", entry.annotationId).execute();
  }

  for (const isCorrect of [true, true, false]) {
    const check = await answer(ann, checks.id, "helpful", 500);
    await db.updateTable("assignments").set({ is_gold_check: true }).where("id", "=", check.assignmentId).execute();
    await db.updateTable("annotations").set({ counts_toward_gold: false, gold_check_correct: isCorrect }).where("id", "=", check.annotationId).execute();
  }

  await insertFit(refunds.id, ann.id, 0.9, 30);
  await insertFit(checks.id, ann.id, 0.6, 10);
});

describe("annotator analytics", () => {
  it("gives a lead every annotator's throughput, speed, skips and quality from counted answers only", async () => {
    const table = await callerFor(team.members.lead).annotatorAnalytics.list({ projectId: team.project.id });
    expect(table.annotators.map((row) => row.annotator.id).sort()).toEqual([team.members.annotator.id, bob.id].sort());
    const ann = table.annotators.find((row) => row.annotator.id === team.members.annotator.id)!;
    expect(ann.throughput).toHaveLength(30);
    expect(ann.throughput.at(-1)).toEqual({ day: new Date(todayUtc), answers: 2 });
    expect(ann.throughput.at(-4)).toEqual({ day: new Date(todayUtc - 3 * DAY_MS), answers: 1 });
    expect(ann).toMatchObject({ answersInWindow: 3, answers: 4, timedAnswers: 4, medianTimeMs: 2_500, submitted: 4, skipped: 1, skipRate: 0.2 });
    const wilson = computeWilsonInterval(2, 3);
    expect(ann.gold).toEqual({ checks: 3, correct: 2, accuracy: 2 / 3, lower: wilson.lower, upper: wilson.upper });
    expect(ann.reliability).toEqual({ reliability: (0.9 * 30 + 0.6 * 10) / 40, labelCount: 40, fits: 2 });
    expect(ann.agreement).toEqual({ agreement: 0.5, pairs: 4 });
    const bobRow = table.annotators.find((row) => row.annotator.id === bob.id)!;
    expect(bobRow).toMatchObject({ answers: 4, answersInWindow: 4, medianTimeMs: 4_000, submitted: 4, skipRate: 0, gold: null, reliability: null, agreement: { agreement: 0.5, pairs: 4 } });
  });

  it("narrows every number to one queue", async () => {
    const table = await callerFor(team.members.lead).annotatorAnalytics.list({ projectId: team.project.id, queueId: checks.id });
    const ann = table.annotators.find((row) => row.annotator.id === team.members.annotator.id)!;
    expect(ann).toMatchObject({ answers: 0, answersInWindow: 0, medianTimeMs: null, skipRate: null, agreement: null });
    expect(ann.gold).toMatchObject({ checks: 3, correct: 2 });
    expect(ann.reliability).toEqual({ reliability: 0.6, labelCount: 10, fits: 1 });
  });

  it("shows a person's label distribution against the team and their quality per queue", async () => {
    const page = await callerFor(team.members.lead).annotatorAnalytics.get({ projectId: team.project.id, userId: team.members.annotator.id });
    expect(page.distributions).toHaveLength(1);
    expect(page.distributions[0]).toMatchObject({ queueName: "Refunds", fieldKey: "verdict", mineTotal: 4, teamTotal: 4 });
    expect(page.distributions[0]!.options.map((option) => [option.value, option.mineShare, option.teamShare])).toEqual([
      ["helpful", 0.75, 0.25],
      ["harmful", 0.25, 0.5],
      ["off_topic", 0, 0.25],
    ]);
    expect(page.goldByQueue).toEqual([expect.objectContaining({ queueName: "Checks", checks: 3, correct: 2 })]);
    const reliabilityByQueue = page.reliabilityByField.map((row) => [row.queueName, row.reliability]).sort();
    expect(reliabilityByQueue).toEqual([
      ["Checks", 0.6],
      ["Refunds", 0.9],
    ]);
    expect(page.skipRate).toBe(0.2);
  });

  it("shows an annotator their own numbers only up to the start of today, so a gold check cannot be told from production work", async () => {
    const own = await callerFor(team.members.annotator).annotatorAnalytics.get({ projectId: team.project.id, userId: team.members.annotator.id });
    expect(own.coversUntil).toEqual(new Date(todayUtc));
    // Of Ann's four counted answers, two were given today; her gold checks, skip and assignments are all from today.
    expect(own).toMatchObject({ answers: 2, gold: null, skipRate: null });
    expect(own.throughput.at(-1)).toMatchObject({ answers: 0 });
    expect(own.goldByQueue).toEqual([]);
    const asLead = await callerFor(team.members.lead).annotatorAnalytics.get({ projectId: team.project.id, userId: team.members.annotator.id });
    expect(asLead).toMatchObject({ coversUntil: null, answers: 4 });
  });

  it("lets a lead open anyone's page, but an annotator only their own", async () => {
    const projectId = team.project.id;
    const lead = callerFor(team.members.lead);
    await expect(lead.annotatorAnalytics.get({ projectId, userId: bob.id })).resolves.toMatchObject({ annotator: { id: bob.id }, answers: 4 });
    const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof TRPCError ? error.code : String(error)));
    const annotator = callerFor(team.members.annotator);
    expect(await codeOf(annotator.annotatorAnalytics.get({ projectId, userId: bob.id }))).toBe("FORBIDDEN");
    expect(await codeOf(annotator.annotatorAnalytics.get({ projectId, userId: team.outsider.id }))).toBe("FORBIDDEN");
    expect(await codeOf(annotator.annotatorAnalytics.list({ projectId }))).toBe("FORBIDDEN");
    expect(await codeOf(lead.annotatorAnalytics.get({ projectId, userId: team.outsider.id }))).toBe("NOT_FOUND");
    const elsewhere = await seedQueue(testDb.db, { projectId: (await seedProject(testDb.db)).id });
    expect(await codeOf(lead.annotatorAnalytics.list({ projectId, queueId: elsewhere.id }))).toBe("NOT_FOUND");
    await expect(callerFor(team.members.ml).annotatorAnalytics.get({ projectId, userId: team.members.ml.id })).resolves.toMatchObject({ answers: 0, distributions: [] });
  });
});
