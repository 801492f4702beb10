import type { Granularity, MetricName, MetricPoint } from "@/server/metrics/catalog";
import type { DetectorDefinition, DetectorId, DetectorSeries, DetectorWindow } from "./types";

/** What one detector reads: the project's points of one granularity, indexed by metric. */
export type DetectorInput = {
  granularity: Granularity;
  pointsOf: (metric: MetricName) => readonly MetricPoint[];
  holdoutFractionOf: (queueId: string) => number;
  isUniformSampleOf: (queueId: string) => boolean;
  referenceWindows: number;
};

export type Detector = {
  definition: DetectorDefinition;
  detect: (input: DetectorInput) => DetectorSeries[];
};

export const queueScopeKey = (queueId: string | null): string => `queue:${queueId ?? "project"}`;
export const annotatorScopeKey = (queueId: string | null, annotatorId: string): string => `${queueScopeKey(queueId)}/annotator:${annotatorId}`;

export function buildSeries(
  detector: DetectorId,
  input: DetectorInput,
  scope: { queueId: string | null; subject: string; scopeKey: string },
  metrics: MetricName[],
  statisticLabel: string,
  windows: DetectorWindow[],
): DetectorSeries {
  return { detector, granularity: input.granularity, ...scope, metrics, statisticLabel, windows };
}
