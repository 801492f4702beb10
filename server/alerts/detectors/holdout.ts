import type { MetricName, MetricPoint } from "@/server/metrics/catalog";
import type { DetectorInput } from "./detector";
import { findReference, groupPoints } from "./series";

type HoldoutMetric = "gold.labels" | "labels.approval" | "corrections.rate";

export type QueueSeries = { queueId: string | null; subject: string; metric: MetricName; points: MetricPoint[] };

/**
 * A queue's series of a sampling-dependent metric: the holdout slice when the queue keeps one, its rule
 * samples unevenly (a signal filter, quotas or priority tilt the queue's mix) and that slice already has a
 * full reference of windows with enough data; else every counted item. A uniform rule's queue is itself a
 * uniform sample, and a larger one than its holdout.
 */
export function selectQueueSeries(input: DetectorInput, metric: HoldoutMetric, minSampleSize: number): QueueSeries[] {
  const holdoutMetric = `${metric}.holdout` as MetricName;
  const holdoutGroups = groupPoints(input.pointsOf(holdoutMetric));
  return [...groupPoints(input.pointsOf(metric))].map(([key, points]) => {
    const { queueId, subject } = points[0]!;
    const holdout = holdoutGroups.get(key);
    const hasHoldout =
      queueId !== null &&
      !input.isUniformSampleOf(queueId) &&
      input.holdoutFractionOf(queueId) > 0 &&
      holdout !== undefined &&
      findReference(holdout, minSampleSize, input.referenceWindows) !== null;
    return hasHoldout ? { queueId, subject, metric: holdoutMetric, points: holdout } : { queueId, subject, metric, points };
  });
}
