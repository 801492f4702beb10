import { computeEntropy } from "@/server/quality";
import type { ItemClusterMoments, LabelCountsDetail, Log2HistogramDetail, MetricName } from "./catalog";

/** One computed point of a window, before it is stored. */
export type MetricRow = {
  queueId: string | null;
  /** An annotator id, a feature name, or '' for the whole scope. */
  subject: string;
  metric: MetricName;
  windowStart: Date;
  sampleSize: number;
  value: number | null;
  detail: Record<string, unknown>;
};

/** A number JSON and the charts can hold: NaN and infinities (an undefined statistic) become null. */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/** Shannon entropy of counts in bits; null when nothing was counted. */
export function entropyBits(counts: Record<string, number>): number | null {
  const weights = Object.values(counts);
  if (weights.reduce((sum, count) => sum + count, 0) === 0) return null;
  return computeEntropy(weights).entropy / Math.LN2;
}

export function labelCountsDetail(field: string, counts: Record<string, number>): LabelCountsDetail {
  return { field, counts };
}

/** A dense log2 histogram from the sparse `{ bin: count }` object SQL aggregates (bin = floor(log2(max(x, 1)))). */
export function log2Histogram(sparse: Record<string, number> | null): Log2HistogramDetail {
  const entries = Object.entries(sparse ?? {}).map(([bin, count]) => [Number(bin), count] as const);
  const bins = Array.from({ length: entries.reduce((top, [bin]) => Math.max(top, bin + 1), 0) }, () => 0);
  for (const [bin, count] of entries) bins[bin] = count;
  return { bins };
}

/** `count / total`, or null for an empty sample. */
export function share(count: number, total: number): number | null {
  return total > 0 ? count / total : null;
}

/** The moments of two disjoint sets of items (two slices of one window). */
export function addClusterMoments(a: ItemClusterMoments, b: ItemClusterMoments): ItemClusterMoments {
  return { items: a.items + b.items, xx: a.xx + b.xx, xn: a.xn + b.xn, nn: a.nn + b.nn };
}
