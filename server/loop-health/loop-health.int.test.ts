import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProject, seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedAlert, seedMetricPoints, type MetricPointValues } from "@/db/seed/loop-health";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { detectorDefinitions } from "@/server/alerts/detectors";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/users/schema";
import { getLoopHealthOverview, getLoopHealthTile } from "./service";

const testDb = setUpTestDatabase();
const now = new Date("2026-03-31T12:00:00Z");
const day = (date: number) => new Date(Date.UTC(2026, 2, date));
/** Mar 1 … Mar 30 are closed at `now`; Mar 31 is still open. */
const closedDays = Array.from({ length: 30 }, (_, index) => index + 1);

let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let queue: { id: string; name: string };
let annotator: { id: string; name: string };
const alertIds: Record<string, string> = {};

/** A month of one annotator rubber-stamping from Mar 25, loop latency per day and per hour, in the project given. */
function monthOfPoints(queueId: string, annotatorId: string): MetricPointValues[] {
  const annotatorPoints = closedDays.flatMap((date): MetricPointValues[] => [
    { queueId, subject: annotatorId, metric: "annotator.decoy_acceptance", windowStart: day(date), sampleSize: 20, value: date >= 25 ? 0.95 : 0.1, detail: { accepted: date >= 25 ? 19 : 2 } },
    { queueId, subject: annotatorId, metric: "annotator.time_on_item", windowStart: day(date), sampleSize: 40, value: date >= 25 ? 4 : 40, detail: { bins: [] } },
  ]);
  const latency = [...closedDays, 31].map((date): MetricPointValues => ({
    queueId,
    metric: "latency.pullable",
    windowStart: day(date),
    sampleSize: 12,
    value: date === 31 ? 3 : 5,
    detail: date === 31 ? { p50: 1, p95: 3 } : { p50: 2, p95: 5 },
  }));
  return [
    ...annotatorPoints,
    // The open window: neither the charts' detectors nor the annotator table may see it.
    { queueId, subject: annotatorId, metric: "annotator.decoy_acceptance", windowStart: day(31), sampleSize: 20, value: 0.5, detail: { accepted: 10 } },
    ...latency,
    { queueId, metric: "latency.pullable", granularity: "hour", windowStart: new Date("2026-03-31T10:00:00Z"), sampleSize: 3, value: 0.9, detail: { p50: 0.5, p95: 0.9 } },
  ];
}

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  const projectId = team.project.id;
  queue = await seedQueue(testDb.db, { projectId, name: "Refund answers" });
  annotator = (await seedReviewers(testDb.db, { projectId, count: 1 }))[0]!;
  await seedMetricPoints(testDb.db, projectId, monthOfPoints(queue.id, annotator.id));
  const scopeKey = `queue:${queue.id}/annotator:${annotator.id}`;
  const alert = (state: "open" | "acknowledged" | "resolved", snoozedUntil: Date | null = null) =>
    seedAlert(testDb.db, projectId, { detector: "decoy_acceptance", scopeKey: `${scopeKey}/${state}/${snoozedUntil ? "snoozed" : ""}`, queueId: queue.id, title: `Decoys ${state}`, firstWindow: day(25), lastFiringWindow: day(30), state, snoozedUntil });
  alertIds.open = (await alert("open")).id;
  alertIds.acknowledged = (await alert("acknowledged")).id;
  alertIds.snoozed = (await alert("acknowledged", new Date("2026-04-01T00:00:00Z"))).id;
  alertIds.resolved = (await alert("resolved")).id;

  // The same month in another project, which must never show.
  const other = await seedProject(testDb.db);
  const otherQueue = await seedQueue(testDb.db, { projectId: other.id });
  const [otherAnnotator] = await seedReviewers(testDb.db, { projectId: other.id, count: 1 });
  await seedMetricPoints(testDb.db, other.id, monthOfPoints(otherQueue.id, otherAnnotator!.id));
  await seedAlert(testDb.db, other.id, { detector: "decoy_acceptance", scopeKey: "elsewhere", title: "Elsewhere", firstWindow: day(29) });
});

describe("loop health overview", () => {
  it("charts every detector, runs them on closed windows only, and names queues and annotators", async () => {
    const overview = await getLoopHealthOverview(testDb.db, team.project.id, { granularity: "day" }, { now });
    expect(overview.hasMetricPoints).toBe(true);
    expect(overview.detectors.map((detector) => detector.id)).toEqual(detectorDefinitions.map((definition) => definition.id));
    expect(overview.detectors.every((detector) => detector.isEnabled)).toBe(true);
    const windows = overview.detectors.flatMap((detector) => detector.series.flatMap((series) => series.windows));
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.every((window) => window.windowStart < day(31))).toBe(true);
    const decoys = overview.detectors.find((detector) => detector.id === "decoy_acceptance")!;
    const series = decoys.series.find((candidate) => candidate.subject === annotator.id)!;
    expect(series.scopeLabel).toBe(`Refund answers · ${annotator.name}`);
    expect(series.firingCount).toBe(series.windows.filter((window) => window.isFiring).length);
  });

  it("builds the annotator row from the newest closed window, its own baseline, and the detector's verdict on that window", async () => {
    const overview = await getLoopHealthOverview(testDb.db, team.project.id, { granularity: "day" }, { now });
    expect(overview.annotators).toHaveLength(1);
    const [row] = overview.annotators;
    expect(row).toMatchObject({ annotatorId: annotator.id, annotatorName: annotator.name, queueName: "Refund answers" });
    expect(row!.signals.decoyAcceptance).toMatchObject({ windowStart: day(30), value: 0.95, sampleSize: 20, baseline: null });
    expect(row!.signals.timeOnItem).toMatchObject({ windowStart: day(30), value: 4, sampleSize: 40, baseline: 40 });
    expect(row!.signals.suggestionAgreement).toBeNull();
    expect(row!.signals.labelEntropy).toBeNull();
    const chartedVerdict = (detector: string) =>
      overview.detectors
        .find((candidate) => candidate.id === detector)!
        .series.find((candidate) => candidate.subject === annotator.id)
        ?.windows.find((window) => window.windowStart.getTime() === day(30).getTime())?.isFiring ?? false;
    // 19 of 20 decoys kept against a queue that kept 2 of 20 before: the decoy detector fires, in the table and on the chart.
    expect(row!.signals.decoyAcceptance!.isFiring).toBe(true);
    expect(chartedVerdict("decoy_acceptance")).toBe(true);
    expect(row!.signals.timeOnItem!.isFiring).toBe(chartedVerdict("time_collapse"));
    expect(row!.isFiring).toBe(row!.signals.decoyAcceptance!.isFiring || row!.signals.timeOnItem!.isFiring);
  });

  it("lists the project's alerts in range in every state, and latency per queue up to the open window", async () => {
    const overview = await getLoopHealthOverview(testDb.db, team.project.id, { granularity: "day" }, { now });
    expect(overview.alerts.map((alert) => alert.id).sort()).toEqual(Object.values(alertIds).sort());
    expect(overview.latency).toHaveLength(1);
    const [latency] = overview.latency;
    expect(latency!.queueName).toBe("Refund answers");
    expect(latency!.windows).toHaveLength(31);
    expect(latency!.windows.at(-1)).toMatchObject({ windowStart: day(31), sampleSize: 12, stages: { pullable: { p50: 1, p95: 3 }, queued: null, gold: null } });
  });

  it("reads one granularity at a time and says when there is nothing to chart", async () => {
    const hourly = await getLoopHealthOverview(testDb.db, team.project.id, { granularity: "hour" }, { now });
    expect(hourly.latency[0]!.windows).toEqual([{ windowStart: new Date("2026-03-31T10:00:00Z"), sampleSize: 3, stages: expect.objectContaining({ pullable: { p50: 0.5, p95: 0.9 } }) }]);
    expect(hourly.alerts).toEqual([]);
    const empty = await seedProjectTeam(testDb.db);
    const nothing = await getLoopHealthOverview(testDb.db, empty.project.id, { granularity: "day" }, { now });
    expect(nothing).toMatchObject({ hasMetricPoints: false, alerts: [], latency: [], annotators: [] });
    expect(nothing.detectors.every((detector) => detector.series.length === 0)).toBe(true);
  });

  it("marks detectors the project turned off", async () => {
    const project = await seedProjectTeam(testDb.db);
    await testDb.db.insertInto("detector_settings").values({ project_id: project.project.id, detector: "time_collapse", is_enabled: false }).execute();
    const overview = await getLoopHealthOverview(testDb.db, project.project.id, { granularity: "day" }, { now });
    expect(overview.detectors.filter((detector) => !detector.isEnabled).map((detector) => detector.id)).toEqual(["time_collapse"]);
  });
});

describe("loop health tile", () => {
  it("counts live alerts (open or acknowledged, not snoozed) and shows the newest hourly latency per queue", async () => {
    const tile = await getLoopHealthTile(testDb.db, team.project.id, { now });
    expect(tile).toEqual({
      liveAlerts: 2,
      latencyGranularity: "hour",
      latency: [{ queueId: queue.id, queueName: "Refund answers", windowStart: new Date("2026-03-31T10:00:00Z"), sampleSize: 3, p50: 0.5, p95: 0.9 }],
    });
  });

  it("falls back to daily latency when no hour has any, and counts a snooze that ran out", async () => {
    const later = new Date("2026-04-05T12:00:00Z");
    const tile = await getLoopHealthTile(testDb.db, team.project.id, { now: later });
    expect(tile.liveAlerts).toBe(3);
    expect(tile.latencyGranularity).toBe("day");
    expect(tile.latency).toEqual([expect.objectContaining({ windowStart: day(31), p50: 1, p95: 3 })]);
  });
});

describe("loop health procedures", () => {
  const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));

  it("refuse a granularity that is not hour or day, naming the field", async () => {
    const error = await callerFor(team.members.lead)
      .loopHealth.overview({ projectId: team.project.id, granularity: "week" as "day" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("granularity is hour or day");
  });

  it("keep the annotator table from annotators while every member sees the tile", async () => {
    const asAnnotator = callerFor(team.members.annotator);
    await expect(asAnnotator.loopHealth.overview({ projectId: team.project.id, granularity: "day" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asAnnotator.loopHealth.tile({ projectId: team.project.id })).resolves.toMatchObject({ liveAlerts: expect.any(Number) });
  });
});
