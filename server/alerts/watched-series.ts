import type { DetectorDefinition, DetectorSeries, DetectorWindow } from "./detectors/types";
import { metricScopeOf } from "./metric-scope";
import type { EnabledRule } from "./rule-queries";
import type { RuleSeries } from "./rule-series";
import { BUILT_IN_CLEAR_WINDOWS, RULE_DETECTOR, type AlertSeverity } from "./schema";

/** A series an alert can be raised on, from a built-in detector or a user rule, with the lifecycle settings that judge it. */
export type WatchedSeries = {
  /** A built-in detector id, or "rule". */
  detector: string;
  definition: DetectorDefinition | null;
  rule: EnabledRule | null;
  queueId: string | null;
  /** An annotator id, a feature name, or '' for the whole scope. */
  subject: string;
  subjectKind: "annotator" | "feature" | null;
  scopeKey: string;
  metrics: string[];
  statisticLabel: string;
  windows: DetectorWindow[];
  sustainedWindows: number;
  clearWindows: number;
  severity: AlertSeverity;
};

function subjectKindOf(subject: string, metric: Parameters<typeof metricScopeOf>[0] | undefined): WatchedSeries["subjectKind"] {
  if (!subject) return null;
  return metric !== undefined && metricScopeOf(metric) === "annotator" ? "annotator" : "feature";
}

/** A built-in detector's series: it fires on a single window (its null model already accounts for noise and runs). */
export function watchDetectorSeries(series: DetectorSeries, definition: DetectorDefinition, severity: AlertSeverity): WatchedSeries {
  return {
    detector: series.detector,
    definition,
    rule: null,
    queueId: series.queueId,
    subject: series.subject,
    subjectKind: subjectKindOf(series.subject, definition.inputs[0]),
    scopeKey: series.scopeKey,
    metrics: series.metrics,
    statisticLabel: series.statisticLabel,
    windows: series.windows,
    sustainedWindows: 1,
    clearWindows: BUILT_IN_CLEAR_WINDOWS,
    severity,
  };
}

export function watchRuleSeries(series: RuleSeries): WatchedSeries {
  return {
    detector: RULE_DETECTOR,
    definition: null,
    rule: series.rule,
    queueId: series.queueId,
    subject: series.subject,
    subjectKind: subjectKindOf(series.subject, series.rule.metric),
    scopeKey: series.scopeKey,
    metrics: [series.rule.metric],
    statisticLabel: series.statisticLabel,
    windows: series.windows,
    sustainedWindows: series.rule.sustainedWindows,
    clearWindows: series.rule.clearWindows,
    severity: series.rule.severity,
  };
}
