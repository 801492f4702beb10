import type { Granularity } from "@/server/metrics/catalog";
import type { DetectorWindow } from "./detectors/types";
import type { AlertEvidence } from "./evidence-schema";
import type { WatchedSeries } from "./watched-series";

/** How many windows of the series an alert keeps, up to the one evaluated. */
export const EVIDENCE_WINDOWS = 30;

export type EvidenceContext = {
  granularity: Granularity;
  projectSlug: string;
  /** The latest closed window (ms): the series in the evidence ends there. */
  latest: number;
  latestFiring: DetectorWindow | null;
  queue: { id: string; name: string } | null;
  annotator: { id: string; name: string } | null;
  sampleItems: Array<{ queueItemId: number; queueId: string }>;
};

/** The evidence an alert carries: see evidence-schema.ts. */
export function buildEvidence(series: WatchedSeries, context: EvidenceContext): AlertEvidence {
  const windows = series.windows.filter((window) => window.windowStart.getTime() <= context.latest).slice(-EVIDENCE_WINDOWS);
  const { definition, rule } = series;
  return {
    granularity: context.granularity,
    definition: definition
      ? {
          title: definition.title,
          summary: definition.summary,
          formula: definition.formula,
          nullModel: definition.nullModel,
          defaultThreshold: definition.defaultThreshold,
          minSampleSize: definition.minSampleSize,
        }
      : null,
    rule: rule
      ? {
          id: rule.id,
          name: rule.name,
          metric: rule.metric,
          comparator: rule.comparator,
          threshold: rule.threshold,
          sustainedWindows: rule.sustainedWindows,
          clearWindows: rule.clearWindows,
        }
      : null,
    statisticLabel: series.statisticLabel,
    metrics: series.metrics,
    series: windows.map((window) => ({
      window: window.windowStart.toISOString(),
      statistic: window.statistic !== null && Number.isFinite(window.statistic) ? window.statistic : null,
      band: window.band,
      n: window.sampleSize,
      firing: window.firing,
      pValue: window.pValue,
    })),
    threshold: rule ? { comparator: rule.comparator, value: rule.threshold } : null,
    band: rule || !context.latestFiring ? null : context.latestFiring.band,
    latestFiringWindow: context.latestFiring?.windowStart.toISOString() ?? null,
    queue: context.queue,
    annotator: context.annotator,
    feature: series.subjectKind === "feature" ? series.subject : null,
    sampleItems: context.sampleItems.map((item) => ({ ...item, path: `/p/${context.projectSlug}/items/${item.queueItemId}` })),
  };
}
