import { metricCatalog, type MetricName, type MetricScope } from "@/server/metrics/catalog";

const HOLDOUT_SUFFIX = ".holdout";

/** The catalog entry of a metric; `<name>.holdout` shares its base metric's entry. */
export function metricDefinitionOf(metric: MetricName) {
  const base = metric.endsWith(HOLDOUT_SUFFIX) ? metric.slice(0, -HOLDOUT_SUFFIX.length) : metric;
  return metricCatalog.find((definition) => definition.name === base)!;
}

/** Where a metric is measured: project metrics have no queue, so a rule on one cannot name a queue. */
export function metricScopeOf(metric: MetricName): MetricScope {
  return metricDefinitionOf(metric).scope;
}

/** The metric's title, with "(holdout)" for the holdout slice. */
export function metricTitleOf(metric: MetricName): string {
  const title = metricDefinitionOf(metric).title;
  return metric.endsWith(HOLDOUT_SUFFIX) ? `${title} (holdout)` : title;
}
