import type { Granularity, MetricName, MetricPoint } from "@/server/metrics/catalog";
import { detectors } from "./definitions";
import type { DetectorInput } from "./detector";
import { DEFAULT_REFERENCE_WINDOWS } from "@/server/metrics/schema";
import type { DetectorDefinition, RunDetectors } from "./types";

export { detectorIds, type DetectorId, type DetectorDefinition, type DetectorSeries, type DetectorWindow, type DetectorContext } from "./types";

export const detectorDefinitions: readonly DetectorDefinition[] = detectors.map((detector) => detector.definition);

/**
 * Hourly series take their reference from whole days (the setting counts days for them), so the quiet
 * night hours and the busy afternoon ones are both in it rather than only the first few hours of the week.
 */
function referenceWindowCount(granularity: Granularity, referenceWindows: number): number {
  const windows = Math.max(3, Math.floor(referenceWindows));
  return granularity === "hour" ? windows * 24 : windows;
}

/** Runs every enabled detector over one granularity's metric points; pure, and deterministic through seeded draws. */
export const runDetectors: RunDetectors = (points, context) => {
  const byMetric = new Map<MetricName, MetricPoint[]>();
  for (const point of points) {
    if (point.granularity !== context.granularity) continue;
    const list = byMetric.get(point.metric);
    if (list) list.push(point);
    else byMetric.set(point.metric, [point]);
  }
  const holdoutFractions = new Map(context.queues.map((queue) => [queue.id, queue.holdoutFraction]));
  const uniformQueues = new Set(context.queues.filter((queue) => queue.isUniformSample === true).map((queue) => queue.id));
  const input: DetectorInput = {
    granularity: context.granularity,
    pointsOf: (metric) => byMetric.get(metric) ?? [],
    holdoutFractionOf: (queueId) => holdoutFractions.get(queueId) ?? 0,
    isUniformSampleOf: (queueId) => uniformQueues.has(queueId),
    referenceWindows: referenceWindowCount(context.granularity, context.referenceWindows ?? DEFAULT_REFERENCE_WINDOWS),
  };
  return detectors
    .filter((detector) => !context.enabled || context.enabled.has(detector.definition.id))
    .flatMap((detector) => detector.detect(input));
};
