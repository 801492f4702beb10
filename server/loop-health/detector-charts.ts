import type { DetectorDefinition, DetectorId, DetectorSeries } from "@/server/alerts/detectors/types";
import { describeScope, type HealthNames } from "./scope-label";

/** One window as a chart draws it: the statistic and its null band, flattened. */
export type ChartWindow = {
  windowStart: Date;
  sampleSize: number;
  statistic: number | null;
  lower: number | null;
  upper: number | null;
  isFiring: boolean;
  pValue: number | null;
};

export type ChartSeries = {
  scopeKey: string;
  queueId: string | null;
  subject: string;
  scopeLabel: string;
  statisticLabel: string;
  metrics: string[];
  windows: ChartWindow[];
  firingCount: number;
  measuredCount: number;
};

export type DetectorChart = Pick<DetectorDefinition, "id" | "title" | "summary" | "formula" | "nullModel" | "defaultThreshold" | "minSampleSize" | "usesHoldout"> & {
  isEnabled: boolean;
  series: ChartSeries[];
};

function toChartSeries(series: DetectorSeries, names: HealthNames): ChartSeries {
  const windows = series.windows.map((window) => ({
    windowStart: window.windowStart,
    sampleSize: window.sampleSize,
    statistic: window.statistic,
    lower: window.band.lower,
    upper: window.band.upper,
    isFiring: window.firing,
    pValue: window.pValue,
  }));
  return {
    scopeKey: series.scopeKey,
    queueId: series.queueId,
    subject: series.subject,
    scopeLabel: describeScope(names, series.queueId, series.subject),
    statisticLabel: series.statisticLabel,
    metrics: [...series.metrics],
    windows,
    firingCount: windows.filter((window) => window.isFiring).length,
    measuredCount: windows.filter((window) => window.statistic !== null).length,
  };
}

/**
 * One chart per detector, in the definitions' order, each with every scope it ran on. Scopes that fired come
 * first (most firing windows first), then those with the most measured windows, so the chart opens on what
 * needs a look.
 */
export function buildDetectorCharts(
  definitions: readonly DetectorDefinition[],
  series: readonly DetectorSeries[],
  names: HealthNames,
  disabled: ReadonlySet<string>,
): DetectorChart[] {
  const byDetector = new Map<DetectorId, ChartSeries[]>();
  for (const one of series) {
    const list = byDetector.get(one.detector) ?? [];
    list.push(toChartSeries(one, names));
    byDetector.set(one.detector, list);
  }
  return definitions.map((definition) => ({
    id: definition.id,
    title: definition.title,
    summary: definition.summary,
    formula: definition.formula,
    nullModel: definition.nullModel,
    defaultThreshold: definition.defaultThreshold,
    minSampleSize: definition.minSampleSize,
    usesHoldout: definition.usesHoldout,
    isEnabled: !disabled.has(definition.id),
    series: (byDetector.get(definition.id) ?? []).sort((a, b) => b.firingCount - a.firingCount || b.measuredCount - a.measuredCount || a.scopeLabel.localeCompare(b.scopeLabel)),
  }));
}
