import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { readDetectorSettings } from "@/server/alerts/detector-settings";
import { detectorDefinitions, runDetectors } from "@/server/alerts/detectors";
import type { DetectorSeries } from "@/server/alerts/detectors/types";
import { latestClosedWindowStart, WINDOW_MS } from "@/server/alerts/windows";
import type { Granularity, MetricPoint } from "@/server/metrics/catalog";
import { readMetricPoints } from "@/server/metrics/queries";
import { getLoopSettings } from "@/server/metrics/service";
import { buildAnnotatorRows } from "./annotator-rows";
import { buildDetectorCharts } from "./detector-charts";
import { buildQueueLatency, latencyMetrics, readPercentiles } from "./latency-series";
import { listUserNames } from "@/server/users/queries";
import { countLiveAlerts, listAlertMarkers, listQueuesForHealth } from "./queries";
import { DETECTION_LOOKBACK_WINDOWS } from "@/server/alerts/schema";
import { DISPLAY_DAYS, type LoopHealthOverviewInput } from "./schema";
import type { HealthNames } from "./scope-label";

const DAY_MS = 86_400_000;

async function loadNames(db: Kysely<DB>, queues: ReadonlyArray<{ id: string; name: string }>, points: readonly MetricPoint[]): Promise<HealthNames> {
  // Subjects are annotator ids or feature names; only uuids can name a person.
  const subjects = [...new Set(points.map((point) => point.subject))].filter((subject) => /^[0-9a-f-]{36}$/i.test(subject));
  return { queues: new Map(queues.map((queue) => [queue.id, queue.name])), people: await listUserNames(db, subjects) };
}

/** Keeps the windows of each series from `since` on (detectors read a longer reference than the page shows), and the series left with any. */
function trimSeries(series: readonly DetectorSeries[], since: Date): DetectorSeries[] {
  return series.map((one) => ({ ...one, windows: one.windows.filter((window) => window.windowStart >= since) })).filter((one) => one.windows.length > 0);
}

/**
 * Everything the Loop health page draws for one granularity: each detector's series with its null band and
 * firing windows, the alerts that fired in range, loop latency per queue, and the annotator table.
 * Detectors see what the alert evaluation sees (closed windows, the same lookback and reference), so a chart fires exactly
 * where an alert could; a detector the project turned off is still charted, and marked off.
 */
export async function getLoopHealthOverview(db: Kysely<DB>, projectId: string, input: LoopHealthOverviewInput, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const { granularity } = input;
  const latestClosed = latestClosedWindowStart(now, granularity);
  const lookBackSince = new Date(latestClosed.getTime() - (DETECTION_LOOKBACK_WINDOWS[granularity] - 1) * WINDOW_MS[granularity]);
  const since = new Date(now.getTime() - DISPLAY_DAYS[granularity] * DAY_MS);
  const [allPoints, queues, { enabled }, settings, alerts] = await Promise.all([
    readMetricPoints(db, projectId, { granularity, since: lookBackSince }),
    listQueuesForHealth(db, projectId),
    readDetectorSettings(db, projectId),
    getLoopSettings(db, projectId),
    listAlertMarkers(db, { projectId, granularity, since }),
  ]);
  const closedPoints = allPoints.filter((point) => point.windowStart <= latestClosed);
  const series = trimSeries(runDetectors(closedPoints, { granularity, queues, referenceWindows: settings.referenceWindows }), since);
  const shownPoints = allPoints.filter((point) => point.windowStart >= since);
  const names = await loadNames(db, queues, shownPoints);
  const disabled = new Set(detectorDefinitions.filter((definition) => !enabled.has(definition.id)).map((definition) => definition.id));
  return {
    granularity,
    since,
    hasMetricPoints: shownPoints.length > 0,
    detectors: buildDetectorCharts(detectorDefinitions, series, names, disabled),
    alerts,
    latency: buildQueueLatency(
      shownPoints.filter((point) => latencyMetrics.includes(point.metric)),
      names,
    ),
    annotators: buildAnnotatorRows(
      closedPoints.filter((point) => point.windowStart >= since),
      series,
      names,
    ),
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
