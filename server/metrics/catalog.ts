/**
 * Every loop-health metric: its name, scope and what `value`, `sample_size` and `detail` hold in
 * `metric_points`. The metrics job writes them, detectors and threshold rules read them, the health page
 * charts them. Windows are closed-open [window_start, window_start + 1 hour | 1 day), in UTC.
 */
export const granularities = ["hour", "day"] as const;
export type Granularity = (typeof granularities)[number];

/** Where a metric is measured: the whole project, one queue, or one annotator in one queue. */
export type MetricScope = "project" | "queue" | "annotator";

/** Label counts of one field: `{ field, counts: { optionValue: n } }`. */
export type LabelCountsDetail = { field: string; counts: Record<string, number> };
/**
 * Per-item moments of a share's counts in one window, x_i successes out of n_i trials on item i:
 * `{ items, xx: Σx_i², xn: Σx_i·n_i, nn: Σn_i² }`. Enough to estimate how far answers to the same item
 * move together (the design effect) at any rate p, since Σ(x_i − p·n_i)² = xx − 2p·xn + p²·nn.
 */
export type ItemClusterMoments = { items: number; xx: number; xn: number; nn: number };
/** A histogram over log2 bins: `bins[i]` counts values in [2^i, 2^(i+1)); values below 1 fall in bin 0. */
export type Log2HistogramDetail = { bins: number[] };

export type MetricDefinition = {
  name: string;
  scope: MetricScope;
  title: string;
  /** What `value` is, with its unit. */
  value: string;
  /** What `sample_size` counts. */
  sampleSize: string;
  /** Keys of `detail`. */
  detail: string;
  /** When true the metric also exists as `<name>.holdout`, computed on the queue's holdout slice only. */
  hasHoldout?: boolean;
};

export const metricCatalog = [
  { name: "gold.labels", scope: "queue", title: "Gold label entropy", value: "Shannon entropy of current gold labels created in the window, bits", sampleSize: "gold labels", detail: "LabelCountsDetail", hasHoldout: true },
  { name: "labels.approval", scope: "queue", title: "Approval share", value: "share of counted annotations whose value is one of the queue's approval values", sampleSize: "counted annotations on fields with approval values", detail: "{ approved, clusters: ItemClusterMoments }", hasHoldout: true },
  { name: "corrections.rate", scope: "queue", title: "Correction rate", value: "share of counted annotations whose correction differs from the original output", sampleSize: "counted annotations", detail: "{ corrected, clusters: ItemClusterMoments }", hasHoldout: true },
  { name: "agreement.alpha", scope: "queue", title: "Krippendorff's α", value: "nominal α over items resolved in the window (counted annotations)", sampleSize: "pairable items", detail: "{ ci: [low, high], labels }" },
  { name: "latency.queued", scope: "queue", title: "Ingest → queued", value: "p95 seconds", sampleSize: "gold labels created in the window", detail: "{ p50, p95 }" },
  { name: "latency.first_claim", scope: "queue", title: "Ingest → first claim", value: "p95 seconds", sampleSize: "gold labels created in the window", detail: "{ p50, p95 }" },
  { name: "latency.gold", scope: "queue", title: "Ingest → gold", value: "p95 seconds", sampleSize: "gold labels created in the window", detail: "{ p50, p95 }" },
  { name: "latency.pullable", scope: "queue", title: "Ingest → pullable", value: "p95 seconds", sampleSize: "gold labels created in the window", detail: "{ p50, p95 }" },
  { name: "annotator.decoy_acceptance", scope: "annotator", title: "Decoy acceptance", value: "share of decoy annotations that kept the decoy's value", sampleSize: "decoy annotations", detail: "{ accepted }" },
  { name: "annotator.suggestion_agreement", scope: "annotator", title: "Agreement with suggestions", value: "share of annotations shown a real suggestion that kept its value", sampleSize: "annotations shown a real (not decoy) suggestion", detail: "{ agreed }" },
  { name: "annotator.time_on_item", scope: "annotator", title: "Time on item", value: "median seconds", sampleSize: "annotations with a time", detail: "Log2HistogramDetail over milliseconds" },
  { name: "annotator.labels", scope: "annotator", title: "Annotator label entropy", value: "Shannon entropy of the annotator's labels, bits", sampleSize: "annotations", detail: "LabelCountsDetail" },
  { name: "outputs.distinct2", scope: "project", title: "Output diversity (distinct-2)", value: "distinct bigrams / bigrams over a seeded sample of at most 500 outputs produced in the window", sampleSize: "outputs in the sample", detail: "{ distinct1, population }" },
  { name: "outputs.near_duplicate_rate", scope: "project", title: "Near-duplicate outputs", value: "share of sampled outputs whose word-shingle Jaccard similarity to an earlier one is ≥ 0.8", sampleSize: "outputs in the sample", detail: "{ duplicates, population }" },
  { name: "inputs.feature", scope: "project", title: "Input mix", value: "Shannon entropy of the feature's values, bits; subject names the feature: model, tag, meta:<key>", sampleSize: "outputs produced in the window", detail: "{ counts }" },
  { name: "inputs.length", scope: "project", title: "Input length", value: "median characters of the input text", sampleSize: "outputs produced in the window", detail: "Log2HistogramDetail over characters" },
  { name: "signals.thumbs_down", scope: "project", title: "Thumbs-down rate", value: "share of outputs produced in the window with a thumbs_down", sampleSize: "outputs produced in the window", detail: "{ events }" },
  { name: "signals.regenerate", scope: "project", title: "Regenerate rate", value: "share of outputs produced in the window with a regenerate", sampleSize: "outputs produced in the window", detail: "{ events }" },
] as const satisfies readonly MetricDefinition[];

type BaseMetricName = (typeof metricCatalog)[number]["name"];
type HoldoutMetricName = `${Extract<(typeof metricCatalog)[number], { hasHoldout: true }>["name"]}.holdout`;
export type MetricName = BaseMetricName | HoldoutMetricName;

export const metricNames: readonly MetricName[] = metricCatalog.flatMap((metric) =>
  "hasHoldout" in metric && metric.hasHoldout ? [metric.name, `${metric.name}.holdout` as MetricName] : [metric.name],
);

/** One stored point, as detectors and charts read it. */
export type MetricPoint = {
  queueId: string | null;
  subject: string;
  metric: MetricName;
  granularity: Granularity;
  windowStart: Date;
  sampleSize: number;
  value: number | null;
  detail: Record<string, unknown>;
};
