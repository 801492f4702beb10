/** A probability as a percentage with one decimal: 0.9312 → "93.1 %". */
export function formatShare(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

export const methodNames = { dawid_skene: "Dawid–Skene", one_coin: "One-coin Dawid–Skene" } as const;
