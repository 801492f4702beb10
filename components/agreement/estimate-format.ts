import { formatNumber } from "@/components/loop-health/window-format";

type Estimate = { value: number | null; lower: number | null; upper: number | null };

/** "0.62" or "—" when the statistic is undefined. */
export function formatStatistic(estimate: Estimate): string {
  return estimate.value === null ? "—" : estimate.value.toFixed(2);
}

/** "0.55 – 0.70", or an empty string without an interval. */
export function formatInterval(estimate: Estimate): string {
  return estimate.lower === null || estimate.upper === null ? "" : `${estimate.lower.toFixed(2)} – ${estimate.upper.toFixed(2)}`;
}

/** "62 %" for a share; "—" without one. */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${formatNumber(share * 100)} %`;
}

/**
 * Landis and Koch's words for a κ or α value: what a lead can act on without knowing the scale by heart.
 * The bands are a convention, not a test; the interval says how sure the number is.
 */
export function describeAgreement(value: number | null): string {
  if (value === null) return "not enough data";
  if (value < 0) return "worse than chance";
  if (value < 0.2) return "slight";
  if (value < 0.4) return "fair";
  if (value < 0.6) return "moderate";
  if (value < 0.8) return "substantial";
  return "almost perfect";
}
