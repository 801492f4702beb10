import type { Granularity, MetricName, MetricPoint } from "@/server/metrics/catalog";

export const detectorIds = [
  "label_collapse",
  "approval_saturation",
  "decoy_acceptance",
  "suggestion_agreement",
  "time_collapse",
  "annotator_entropy",
  "agreement_decay",
  "diversity_loss",
  "input_drift",
  "negative_signal_trend",
  "correction_rate_trend",
] as const;
export type DetectorId = (typeof detectorIds)[number];

/** What the README, the health page and an alert's evidence say about a detector. */
export type DetectorDefinition = {
  id: DetectorId;
  title: string;
  /** One sentence: what collapse it watches for. */
  summary: string;
  /** The statistic and the firing rule, as plain text with maths. */
  formula: string;
  inputs: readonly MetricName[];
  /** Windows below this sample size are reported as "not enough data" and never fire. */
  minSampleSize: number;
  /** How the threshold is set for the window's size. */
  nullModel: string;
  defaultThreshold: string;
  /** True when its signal depends on what was sampled, so it reads the holdout slice when a queue has one. */
  usesHoldout: boolean;
};

/** One window of a detector's series: the statistic, its band under the null for this window's size, and whether it fires. */
export type DetectorWindow = {
  windowStart: Date;
  sampleSize: number;
  /** Null when the window has too little data. */
  statistic: number | null;
  /** The null band: the statistic fires below `lower` or above `upper` (either may be null). */
  band: { lower: number | null; upper: number | null };
  firing: boolean;
  /** Monte Carlo p-value under the null model, when the detector has one for this window. */
  pValue: number | null;
};

/** A detector's series over one scope (a queue, an annotator in a queue, a project feature). */
export type DetectorSeries = {
  detector: DetectorId;
  granularity: Granularity;
  queueId: string | null;
  /** Annotator id, feature name, or '' for the whole scope. */
  subject: string;
  /** The deduplication key of alerts: detector-specific, stable across passes (for example `queue:<id>/annotator:<id>`). */
  scopeKey: string;
  /** Which metric points fed it, for the evidence (for example `gold.labels.holdout`). */
  metrics: MetricName[];
  /** What the statistic is, for chart axes ("entropy, bits", "JSD vs reference"). */
  statisticLabel: string;
  windows: DetectorWindow[];
};

export type DetectorContext = {
  granularity: Granularity;
  /**
   * `isUniformSample`: the queue's rule gives every output of its population the same π (no signal filter,
   * quota or priority), so the whole queue is as unbiased a sample as its holdout slice, with more data.
   */
  queues: ReadonlyArray<{ id: string; holdoutFraction: number; isUniformSample?: boolean }>;
  /** How many of the earliest windows with enough data form the reference (default 7). */
  referenceWindows?: number;
  enabled?: ReadonlySet<DetectorId>;
};

/** Runs every enabled detector over a project's metric points (all windows of one granularity). Pure and deterministic. */
export type RunDetectors = (points: readonly MetricPoint[], context: DetectorContext) => DetectorSeries[];
