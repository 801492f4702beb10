/** A share as a percentage with one decimal: 0.1234 → "12.3 %". */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** "wrong: 12.3 % ± 2.1 % of production answers". */
export function describeShare(estimate: { title: string; share: number; margin: number }): string {
  return `${estimate.title}: ${formatShare(estimate.share)} ± ${formatShare(estimate.margin)} of production answers`;
}
