import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { MetricName } from "./catalog";
import { readMetricPoints } from "./queries";
import { backfillMetrics, refreshMetrics, updateLoopSettings } from "./service";
import { insertAnswer, insertGold, insertItem, insertOutput } from "./test-fixtures";

const testDb = setUpTestDatabase();

const DAY1 = new Date("2026-11-02T00:00:00Z");
const DAY2 = new Date("2026-11-03T00:00:00Z");
const at = (day: Date, hours: number, minutes = 0) => new Date(day.getTime() + hours * 3_600_000 + minutes * 60_000);
const bits = (...shares: number[]) => -shares.reduce((sum, share) => sum + share * Math.log2(share), 0);

/**
 * Day 1: three outputs at 10:xx, reviewed at 11:xx by A and B (A also answers one decoy), resolved and gold at
 * 12:00. Day 2: one more output, answer and gold. Values below are worked out by hand from these rows.
 */
async function seedLoop() {
  const team = await seedProjectTeam(testDb.db);
  const projectId = team.project.id;
  const [annotatorA, annotatorB] = await seedReviewers(testDb.db, { projectId, count: 2 });
  const queue = await seedQueue(testDb.db, { projectId, overlap: 2 });
  await testDb.db.updateTable("queues").set({ approval_values: JSON.stringify({ verdict: ["helpful"] }) }).where("id", "=", queue.id).execute();
  const a = annotatorA!.id;
  const b = annotatorB!.id;

  const o1 = await insertOutput(testDb.db, { projectId, producedAt: at(DAY1, 10, 5), model: "m1", tags: ["a"], metadata: { locale: "en" }, input: "hello", output: "the cat sat on the mat today" });
  const o2 = await insertOutput(testDb.db, {
    projectId,
    producedAt: at(DAY1, 10, 10),
    model: "m1",
    tags: ["a", "b"],
    metadata: { locale: "de" },
    input: [{ role: "user", content: "abcdefghij" }],
    output: [{ role: "user", content: "hi" }, { role: "assistant", content: "the cat sat on the mat today" }],
  });
  const o3 = await insertOutput(testDb.db, { projectId, producedAt: at(DAY1, 10, 15), model: "m2", input: "x".repeat(20), output: "a completely different answer here" });
  const o4 = await insertOutput(testDb.db, { projectId, producedAt: at(DAY2, 10), model: "m2", input: "hi", output: "ok" });
  await testDb.db
    .insertInto("signals")
    .values([
      { project_id: projectId, output_id: o1.id, kind: "thumbs_down", occurred_at: at(DAY1, 10, 30) },
      { project_id: projectId, output_id: o1.id, kind: "thumbs_down", occurred_at: at(DAY1, 10, 31) },
      { project_id: projectId, output_id: o2.id, kind: "regenerate", occurred_at: at(DAY1, 10, 32) },
      { project_id: projectId, output_id: o3.id, kind: "thumbs_up", occurred_at: at(DAY1, 10, 33) },
    ])
    .execute();

  const resolvedAt = at(DAY1, 12);
  const item1 = await insertItem(testDb.db, { projectId, queueId: queue.id, outputId: o1.id, createdAt: at(DAY1, 10, 6), resolvedAt, isHoldout: true });
  const item2 = await insertItem(testDb.db, { projectId, queueId: queue.id, outputId: o2.id, createdAt: at(DAY1, 10, 11), resolvedAt });
  const item3 = await insertItem(testDb.db, { projectId, queueId: queue.id, outputId: o3.id, createdAt: at(DAY1, 10, 16), resolvedAt });
  const item4 = await insertItem(testDb.db, { projectId, queueId: queue.id, outputId: o4.id, createdAt: at(DAY2, 10, 1), resolvedAt: at(DAY2, 12) });
  const answer = (queueItemId: number, annotatorId: string, verdict: string, minutes: number, extra: Partial<Parameters<typeof insertAnswer>[1]> = {}) =>
    insertAnswer(testDb.db, { projectId, queueId: queue.id, queueItemId, annotatorId, verdict, createdAt: at(DAY1, 11, minutes), ...extra });
  await answer(item1.id, a, "helpful", 1, { timeSpentMs: 1500, shownVerdict: "helpful" });
  await answer(item1.id, b, "helpful", 2, { timeSpentMs: 3000, correction: "the cat sat on the mat" });
  await answer(item2.id, a, "harmful", 3, { timeSpentMs: 800, shownVerdict: "harmful", isDecoy: true });
  await answer(item2.id, b, "off_topic", 4, { timeSpentMs: 5000 });
  await answer(item3.id, a, "helpful", 5, { timeSpentMs: 2000, shownVerdict: "harmful" });
  await answer(item3.id, b, "harmful", 6, { timeSpentMs: 4000 });
  await insertAnswer(testDb.db, { projectId, queueId: queue.id, queueItemId: item4.id, annotatorId: a, verdict: "helpful", createdAt: at(DAY2, 11) });

  const gold = (queueItemId: number, outputId: number, verdict: string, second: number, stages: { queued: number; firstClaim: number; gold: number; pullable: number }) =>
    insertGold(testDb.db, { projectId, queueId: queue.id, queueItemId, outputId, verdict, createdAt: new Date(resolvedAt.getTime() + second * 1000), stages });
  const gold1 = await gold(item1.id, o1.id, "helpful", 0, { queued: 1, firstClaim: 10, gold: 20, pullable: 21 });
  await gold(item2.id, o2.id, "off_topic", 1, { queued: 2, firstClaim: 30, gold: 60, pullable: 62 });
  await gold(item3.id, o3.id, "harmful", 2, { queued: 3, firstClaim: 50, gold: 100, pullable: 101 });
  await insertGold(testDb.db, { projectId, queueId: queue.id, queueItemId: item4.id, outputId: o4.id, verdict: "helpful", createdAt: at(DAY2, 12), stages: { queued: 1, firstClaim: 2, gold: 3, pullable: 4 } });
  return { team, projectId, queue, a, b, items: { item1, item2, item3, item4 }, outputs: { o1, o2, o3, o4 }, gold1 };
}

type Loop = Awaited<ReturnType<typeof seedLoop>>;

async function pointsOf(projectId: string, granularity: "hour" | "day", metrics: MetricName[], since = DAY1, until = new Date(DAY2.getTime() + 86_400_000)) {
  return readMetricPoints(testDb.db, projectId, { granularity, since, until, metrics });
}

function pointOf(points: Awaited<ReturnType<typeof pointsOf>>, metric: MetricName, windowStart: Date, subject = "") {
  const found = points.filter((point) => point.metric === metric && point.windowStart.getTime() === windowStart.getTime() && point.subject === subject);
  expect(found, `${metric} ${subject} at ${windowStart.toISOString()}`).toHaveLength(1);
  return found[0]!;
}

describe("metric computation", () => {
  let loop: Loop;
  beforeAll(async () => {
    loop = await seedLoop();
    await updateLoopSettings(testDb.db, { projectId: loop.projectId, userId: loop.team.members.admin.id }, { driftMetadataKeys: ["locale"] });
    await refreshMetrics(testDb.db, loop.projectId);
  });

  it("computes input mix, input length and signal rates per window of production", async () => {
    const points = await pointsOf(loop.projectId, "day", ["inputs.feature", "inputs.length", "signals.thumbs_down", "signals.regenerate"]);
    const model = pointOf(points, "inputs.feature", DAY1, "model");
    expect(model).toMatchObject({ queueId: null, sampleSize: 3, detail: { counts: { m1: 2, m2: 1 } } });
    expect(model.value).toBeCloseTo(bits(2 / 3, 1 / 3), 12);
    const tag = pointOf(points, "inputs.feature", DAY1, "tag");
    expect(tag).toMatchObject({ sampleSize: 3, detail: { counts: { a: 2, b: 1, "(none)": 1 } } });
    expect(tag.value).toBeCloseTo(1.5, 12);
    const locale = pointOf(points, "inputs.feature", DAY1, "meta:locale");
    expect(locale).toMatchObject({ detail: { counts: { en: 1, de: 1, "(none)": 1 } } });
    expect(locale.value).toBeCloseTo(Math.log2(3), 12);
    // Lengths 5, 10 (the last message) and 20 characters.
    expect(pointOf(points, "inputs.length", DAY1)).toMatchObject({ sampleSize: 3, value: 10, detail: { bins: [0, 0, 1, 1, 1] } });
    expect(pointOf(points, "signals.thumbs_down", DAY1)).toMatchObject({ sampleSize: 3, value: 1 / 3, detail: { events: 2 } });
    expect(pointOf(points, "signals.regenerate", DAY1)).toMatchObject({ sampleSize: 3, value: 1 / 3, detail: { events: 1 } });
    expect(pointOf(points, "signals.thumbs_down", DAY2)).toMatchObject({ sampleSize: 1, value: 0, detail: { events: 0 } });
    const hourly = await pointsOf(loop.projectId, "hour", ["signals.thumbs_down"]);
    expect(hourly.map((point) => [point.windowStart.toISOString(), point.sampleSize])).toEqual([
      [at(DAY1, 10).toISOString(), 3],
      [at(DAY2, 10).toISOString(), 1],
    ]);
  });

  it("computes output diversity over the window's sample", async () => {
    const points = await pointsOf(loop.projectId, "day", ["outputs.distinct2", "outputs.near_duplicate_rate"]);
    // Texts of 7, 7 and 5 words: 6 + 4 distinct bigrams of 16; 11 distinct words of 19; the second repeats the first.
    expect(pointOf(points, "outputs.distinct2", DAY1)).toMatchObject({ sampleSize: 3, value: 10 / 16, detail: { distinct1: 11 / 19, population: 3 } });
    expect(pointOf(points, "outputs.near_duplicate_rate", DAY1)).toMatchObject({ sampleSize: 3, value: 1 / 3, detail: { duplicates: 1, population: 3 } });
  });

  it("computes gold entropy, approval and corrections per queue, with the holdout slice, from counted answers only", async () => {
    const points = await pointsOf(loop.projectId, "day", ["gold.labels", "gold.labels.holdout", "labels.approval", "labels.approval.holdout", "corrections.rate", "corrections.rate.holdout"]);
    const gold = pointOf(points, "gold.labels", DAY1);
    expect(gold).toMatchObject({ queueId: loop.queue.id, sampleSize: 3, detail: { field: "verdict", counts: { helpful: 1, off_topic: 1, harmful: 1 } } });
    expect(gold.value).toBeCloseTo(Math.log2(3), 12);
    expect(pointOf(points, "gold.labels.holdout", DAY1)).toMatchObject({ sampleSize: 1, value: 0, detail: { counts: { helpful: 1 } } });
    // Counted answers: helpful, helpful, off_topic, helpful, harmful (the decoy answer is left out).
    expect(pointOf(points, "labels.approval", DAY1)).toMatchObject({ sampleSize: 5, value: 3 / 5, detail: { approved: 3 } });
    expect(pointOf(points, "labels.approval.holdout", DAY1)).toMatchObject({ sampleSize: 2, value: 1, detail: { approved: 2 } });
    expect(pointOf(points, "corrections.rate", DAY1)).toMatchObject({ sampleSize: 5, value: 1 / 5, detail: { corrected: 1 } });
    expect(pointOf(points, "corrections.rate.holdout", DAY1)).toMatchObject({ sampleSize: 2, value: 1 / 2 });
    expect(pointOf(points, "gold.labels", DAY2)).toMatchObject({ sampleSize: 1, value: 0 });
  });

  it("computes Krippendorff's α over the items resolved in the window", async () => {
    const points = await pointsOf(loop.projectId, "day", ["agreement.alpha"]);
    // Pairable items 1 (helpful, helpful) and 3 (helpful, harmful): D_o = 2/4, D_e = 2·3·1/(4·3), α = 0.
    const alpha = pointOf(points, "agreement.alpha", DAY1);
    expect(alpha).toMatchObject({ queueId: loop.queue.id, sampleSize: 2, detail: { labels: 4 } });
    expect(alpha.value).toBeCloseTo(0, 12);
    const ci = (alpha.detail as { ci: [number, number] }).ci;
    expect(ci[0]).toBeLessThanOrEqual(0);
    expect(ci[1]).toBeGreaterThanOrEqual(0);
    expect(pointOf(await pointsOf(loop.projectId, "hour", ["agreement.alpha"]), "agreement.alpha", at(DAY1, 12)).sampleSize).toBe(2);
  });

  it("computes each annotator's rubber-stamp signals from all their answers, decoys included", async () => {
    const points = await pointsOf(loop.projectId, "day", ["annotator.decoy_acceptance", "annotator.suggestion_agreement", "annotator.time_on_item", "annotator.labels"]);
    expect(pointOf(points, "annotator.decoy_acceptance", DAY1, loop.a)).toMatchObject({ queueId: loop.queue.id, sampleSize: 1, value: 1, detail: { accepted: 1 } });
    expect(pointOf(points, "annotator.suggestion_agreement", DAY1, loop.a)).toMatchObject({ sampleSize: 2, value: 0.5, detail: { agreed: 1 } });
    // 1500, 800 and 2000 ms: median 1.5 s; bins 2^9 (800) and 2^10 (1500, 2000).
    expect(pointOf(points, "annotator.time_on_item", DAY1, loop.a)).toMatchObject({ sampleSize: 3, value: 1.5, detail: { bins: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2] } });
    const labelsA = pointOf(points, "annotator.labels", DAY1, loop.a);
    expect(labelsA).toMatchObject({ sampleSize: 3, detail: { field: "verdict", counts: { helpful: 2, harmful: 1 } } });
    expect(labelsA.value).toBeCloseTo(bits(2 / 3, 1 / 3), 12);
    expect(pointOf(points, "annotator.time_on_item", DAY1, loop.b)).toMatchObject({ sampleSize: 3, value: 4, detail: { bins: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1] } });
    expect(pointOf(points, "annotator.labels", DAY1, loop.b).value).toBeCloseTo(Math.log2(3), 12);
    expect(points.filter((point) => point.subject === loop.b && point.metric !== "annotator.labels" && point.metric !== "annotator.time_on_item")).toEqual([]);
  });

  it("computes latency p50 and p95 per queue over the gold created in the window", async () => {
    const points = await pointsOf(loop.projectId, "day", ["latency.queued", "latency.first_claim", "latency.gold", "latency.pullable"]);
    // percentile_cont over three values: p95 sits 0.9 of the way from the second to the third.
    expect(pointOf(points, "latency.queued", DAY1)).toMatchObject({ queueId: loop.queue.id, sampleSize: 3, detail: { p50: 2 } });
    expect(pointOf(points, "latency.queued", DAY1).value).toBeCloseTo(2.9, 9);
    expect(pointOf(points, "latency.first_claim", DAY1)).toMatchObject({ sampleSize: 3, detail: { p50: 30 } });
    expect(pointOf(points, "latency.first_claim", DAY1).value).toBeCloseTo(48, 9);
    expect(pointOf(points, "latency.gold", DAY1)).toMatchObject({ sampleSize: 3, detail: { p50: 60 } });
    expect(pointOf(points, "latency.gold", DAY1).value).toBeCloseTo(96, 9);
    expect(pointOf(points, "latency.pullable", DAY1)).toMatchObject({ sampleSize: 3, detail: { p50: 62 } });
    expect(pointOf(points, "latency.pullable", DAY1).value).toBeCloseTo(97.1, 9);
    expect(pointOf(points, "latency.pullable", DAY2)).toMatchObject({ sampleSize: 1, value: 4, detail: { p50: 4, p95: 4 } });
  });
});

async function computedAtByKey(projectId: string) {
  const rows = await testDb.db.selectFrom("metric_points").select(["metric", "granularity", "queue_id", "subject", "window_start", "computed_at", "sample_size"]).where("project_id", "=", projectId).execute();
  return new Map(rows.map((row) => [`${row.metric}|${row.granularity}|${row.queue_id ?? ""}|${row.subject}|${row.window_start.toISOString()}`, row]));
}

describe("incremental refresh", () => {
  it("recomputes only the windows new rows fall in, whatever their timestamps, and empties windows whose data went away", async () => {
    const loop = await seedLoop();
    const first = await refreshMetrics(testDb.db, loop.projectId);
    // Hours 10, 11, 12 of day 1 and of day 2, and the two days.
    expect(first).toEqual({ windowsRecomputed: 8 });
    await expect(refreshMetrics(testDb.db, loop.projectId)).resolves.toEqual({ windowsRecomputed: 0 });
    const before = await computedAtByKey(loop.projectId);

    // A late answer, stamped on day 1 at 11:30, to item 3 (resolved at 12:00 on day 1).
    const [late] = await seedReviewers(testDb.db, { projectId: loop.projectId, count: 1 });
    await insertAnswer(testDb.db, { projectId: loop.projectId, queueId: loop.queue.id, queueItemId: loop.items.item3.id, annotatorId: late!.id, verdict: "helpful", createdAt: at(DAY1, 11, 30) });
    // Hours 11 and 12 of day 1 (the answer, its item's resolution) and day 1.
    await expect(refreshMetrics(testDb.db, loop.projectId)).resolves.toEqual({ windowsRecomputed: 3 });
    const after = await computedAtByKey(loop.projectId);
    const changed = [...after.entries()].filter(([key, row]) => before.get(key)?.computed_at.getTime() !== row.computed_at.getTime()).map(([key]) => key);
    expect(changed.length).toBeGreaterThan(0);
    for (const key of changed) expect(key).toMatch(new RegExp(`\\|(${at(DAY1, 11).toISOString()}|${at(DAY1, 12).toISOString()}|${DAY1.toISOString()})$`));
    for (const [key, row] of after) if (!changed.includes(key)) expect(row.computed_at).toEqual(before.get(key)!.computed_at);
    const approval = pointOf(await pointsOf(loop.projectId, "day", ["labels.approval"]), "labels.approval", DAY1);
    expect(approval).toMatchObject({ sampleSize: 6, value: 4 / 6 });
    const alpha = pointOf(await pointsOf(loop.projectId, "day", ["agreement.alpha"]), "agreement.alpha", DAY1);
    expect(alpha.detail).toMatchObject({ labels: 5 });

    // A lead revises item 1's gold on day 2: day 1's holdout slice loses its only gold label.
    await testDb.db.updateTable("gold_labels").set({ is_current: false }).where("id", "=", loop.gold1.id).execute();
    await insertGold(testDb.db, { projectId: loop.projectId, queueId: loop.queue.id, queueItemId: loop.items.item1.id, outputId: loop.outputs.o1.id, verdict: "harmful", createdAt: at(DAY2, 9), supersedes: loop.gold1.id });
    await refreshMetrics(testDb.db, loop.projectId);
    const gold = await pointsOf(loop.projectId, "day", ["gold.labels.holdout", "gold.labels"]);
    expect(pointOf(gold, "gold.labels.holdout", DAY1)).toMatchObject({ sampleSize: 0, value: null, detail: {} });
    expect(pointOf(gold, "gold.labels", DAY1)).toMatchObject({ sampleSize: 2, detail: { counts: { off_topic: 1, harmful: 1 } } });
    expect(pointOf(gold, "gold.labels.holdout", DAY2)).toMatchObject({ sampleSize: 1, detail: { counts: { harmful: 1 } } });
  });

  it("keeps the granularities the project chose", async () => {
    const loop = await seedLoop();
    await updateLoopSettings(testDb.db, { projectId: loop.projectId, userId: loop.team.members.admin.id }, { granularities: ["day"] });
    await expect(refreshMetrics(testDb.db, loop.projectId)).resolves.toEqual({ windowsRecomputed: 2 });
    await expect(pointsOf(loop.projectId, "hour", ["gold.labels"])).resolves.toEqual([]);
    expect(await pointsOf(loop.projectId, "day", ["gold.labels"])).toHaveLength(2);
  });

  it("lets concurrent passes of one project take turns without losing rows", async () => {
    const loop = await seedLoop();
    const results = await Promise.all([refreshMetrics(testDb.db, loop.projectId), refreshMetrics(testDb.db, loop.projectId), refreshMetrics(testDb.db, loop.projectId)]);
    expect(results.map((result) => result.windowsRecomputed).sort((x, y) => x - y)).toEqual([0, 0, 8]);
    expect(await pointsOf(loop.projectId, "day", ["gold.labels"])).toHaveLength(2);
  });
});

describe("backfill", () => {
  it("recomputes every window since a date, or the whole history", async () => {
    const loop = await seedLoop();
    await expect(backfillMetrics(testDb.db, loop.projectId, { since: DAY2 })).resolves.toEqual({ windowsRecomputed: 4 });
    const fromDay2 = await pointsOf(loop.projectId, "day", ["gold.labels", "signals.thumbs_down"]);
    expect(fromDay2.map((point) => point.windowStart)).toEqual([DAY2, DAY2]);

    await testDb.db.deleteFrom("metric_points").where("project_id", "=", loop.projectId).execute();
    await expect(backfillMetrics(testDb.db, loop.projectId)).resolves.toEqual({ windowsRecomputed: 8 });
    expect((await pointsOf(loop.projectId, "day", ["gold.labels"])).map((point) => point.windowStart)).toEqual([DAY1, DAY2]);
    // The whole history covered every row: nothing is left for the incremental pass.
    await expect(refreshMetrics(testDb.db, loop.projectId)).resolves.toEqual({ windowsRecomputed: 0 });
  });
});
