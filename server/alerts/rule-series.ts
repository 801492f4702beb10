import type { MetricPoint } from "@/server/metrics/catalog";
import type { DetectorWindow } from "./detectors/types";
import { metricScopeOf, metricTitleOf } from "./metric-scope";
import type { EnabledRule } from "./rule-queries";
import type { RuleComparator } from "./schema";

/** One scope a rule watches: a queue, an annotator in a queue, a project feature, or the whole project. */
export type RuleSeries = {
  rule: EnabledRule;
  queueId: string | null;
  subject: string;
  scopeKey: string;
  statisticLabel: string;
  windows: DetectorWindow[];
};

const compare: Record<RuleComparator, (value: number, threshold: number) => boolean> = {
  ">": (value, threshold) => value > threshold,
  ">=": (value, threshold) => value >= threshold,
  "<": (value, threshold) => value < threshold,
  "<=": (value, threshold) => value <= threshold,
};

/** The band a threshold draws: the rule fires outside it. */
function thresholdBand(comparator: RuleComparator, threshold: number): DetectorWindow["band"] {
  return comparator === ">" || comparator === ">=" ? { lower: null, upper: threshold } : { lower: threshold, upper: null };
}

/** The deduplication key of a rule's alert: the rule, then its queue and subject when the metric has them. */
export function ruleScopeKey(rule: EnabledRule, point: { queueId: string | null; subject: string }): string {
  const parts = [`rule:${rule.id}`];
  if (point.queueId) parts.push(`queue:${point.queueId}`);
  if (point.subject) parts.push(`${metricScopeOf(rule.metric) === "annotator" ? "annotator" : "feature"}:${point.subject}`);
  return parts.join("/");
}

/**
 * A user rule over the metric's points, one series per scope: a window fires when the metric has a value
 * and `value <comparator> threshold`. A window without a value does not fire.
 */
export function seriesOfRule(rule: EnabledRule, points: readonly MetricPoint[]): RuleSeries[] {
  const byScope = new Map<string, RuleSeries>();
  for (const point of points) {
    if (point.metric !== rule.metric) continue;
    if (rule.queueId !== null && point.queueId !== rule.queueId) continue;
    const scopeKey = ruleScopeKey(rule, point);
    let series = byScope.get(scopeKey);
    if (!series) {
      series = { rule, queueId: point.queueId, subject: point.subject, scopeKey, statisticLabel: metricTitleOf(rule.metric), windows: [] };
      byScope.set(scopeKey, series);
    }
    series.windows.push({
      windowStart: point.windowStart,
      sampleSize: point.sampleSize,
      statistic: point.value,
      band: thresholdBand(rule.comparator, rule.threshold),
      firing: point.value !== null && Number.isFinite(point.value) && compare[rule.comparator](point.value, rule.threshold),
      pValue: null,
    });
  }
  for (const series of byScope.values()) series.windows.sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime());
  return [...byScope.values()];
}
