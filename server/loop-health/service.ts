import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { detectorDefinitions, runDetectors } from "@/server/alerts/detectors";
import type { Granularity, MetricPoint } from "@/server/metrics/catalog";
import { readMetricPoints } from "@/server/metrics/queries";
import { buildAnnotatorRows } from "./annotator-rows";
import { buildDetectorCharts } from "./detector-charts";
import { buildQueueLatency, latencyMetrics, readPercentiles } from "./latency-series";
import { countLiveAlerts, findReferenceWindows, listAlertMarkers, listDisabledDetectors, listQueuesForHealth, listUserNames } from "./queries";
import { HEALTH_RANGE_DAYS, WINDOW_MS, type LoopHealthOverviewInput } from "./schema";
import type { HealthNames } from "./scope-label";

const DAY_MS = 86_400_000;

async function loadNames(db: Kysely<DB>, queues: ReadonlyArray<{ id: string; name: string }>, points: readonly MetricPoint[]): Promise<HealthNames> {
  // Subjects are annotator ids or feature names; only uuids can name a person.
  const subjects = [...new Set(points.map((point) => point.subject))].filter((subject) => /^[0-9a-f-]{36}$/i.test(subject));
  const people = await listUserNames(db, subjects);
  return { queues: new Map(queues.map((queue) => [queue.id, queue.name])), people: new Map(people.map((person) => [person.id, person.name])) };
}

/**
 * Everything the Loop health page draws for one granularity: each detector's series with its null band and
 * firing windows, the alerts that fired in range, loop latency per queue, and the annotator table.
 * Detectors see closed windows only, like the alert evaluation, so a chart never fires where no alert could.
 */
export async function getLoopHealthOverview(db: Kysely<DB>, projectId: string, input: LoopHealthOverviewInput, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const { granularity } = input;
  const since = new Date(now.getTime() - HEALTH_RANGE_DAYS[granularity] * DAY_MS);
  const [points, queues, disabled, referenceWindows, alerts] = await Promise.all([
    readMetricPoints(db, projectId, { granularity, since }),
    listQueuesForHealth(db, projectId),
    listDisabledDetectors(db, projectId),
    findReferenceWindows(db, projectId),
    listAlertMarkers(db, { projectId, granularity, since }),
  ]);
  const closedPoints = points.filter((point) => point.windowStart.getTime() + WINDOW_MS[granularity] <= now.getTime());
  const series = runDetectors(closedPoints, { granularity, queues, referenceWindows });
  const names = await loadNames(db, queues, points);
  const latency = buildQueueLatency(
    points.filter((point) => latencyMetrics.includes(point.metric)),
    names,
  );
  return {
    granularity,
    since,
    hasMetricPoints: points.length > 0,
    detectors: buildDetectorCharts(detectorDefinitions, series, names, new Set(disabled)),
    alerts,
    latency,
    annotators: buildAnnotatorRows(closedPoints, series, names),
  };
}

/** The newest window of ingest → pullable latency per queue: hourly when the project computes hours, else daily. */
async function readLatestLatency(db: Kysely<DB>, projectId: string, now: Date) {
  const lookBack: ReadonlyArray<[Granularity, number]> = [
    ["hour", 2],
    ["day", 30],
  ];
  for (const [granularity, days] of lookBack) {
    const points = await readMetricPoints(db, projectId, { granularity, since: new Date(now.getTime() - days * DAY_MS), metrics: ["latency.pullable"] });
    if (points.length > 0) return { granularity, points };
  }
  return null;
}

/** The overview tile: live alerts (open or acknowledged, not snoozed) and the newest loop latency per queue. */
export async function getLoopHealthTile(db: Kysely<DB>, projectId: string, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const [liveAlerts, latest, queues] = await Promise.all([countLiveAlerts(db, projectId, now), readLatestLatency(db, projectId, now), listQueuesForHealth(db, projectId)]);
  const queueNames = new Map(queues.map((queue) => [queue.id, queue.name]));
  const newestByQueue = new Map<string, MetricPoint>();
  for (const point of latest?.points ?? []) {
    if (point.queueId !== null) newestByQueue.set(point.queueId, point);
  }
  const latency = [...newestByQueue.values()].map((point) => ({
    queueId: point.queueId!,
    queueName: queueNames.get(point.queueId!) ?? point.queueId!,
    windowStart: point.windowStart,
    sampleSize: point.sampleSize,
    ...readPercentiles(point),
  }));
  return { liveAlerts, latencyGranularity: latest?.granularity ?? null, latency: latency.sort((a, b) => a.queueName.localeCompare(b.queueName)) };
}
