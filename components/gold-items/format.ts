/** A share as a whole percentage, the way the gold-checks page writes every accuracy and rate. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** An accuracy with its Wilson interval: "80 % (62–91 %)". */
export function formatAccuracy(row: { accuracy: number; lower: number; upper: number }): string {
  return `${formatPercent(row.accuracy)} (${Math.round(row.lower * 100)}–${formatPercent(row.upper)})`;
}
