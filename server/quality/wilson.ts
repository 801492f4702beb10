export type WilsonInterval = { proportion: number; lower: number; upper: number; center: number };

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 * Unlike the normal approximation it stays inside [0, 1] and behaves at 0 or n successes; with no trials
 * it is the whole [0, 1].
 */
export function computeWilsonInterval(successes: number, trials: number, z: number = Z_95): WilsonInterval {
  if (!(successes >= 0 && successes <= trials)) throw new RangeError("successes must be between 0 and trials");
  if (trials === 0) return { proportion: Number.NaN, lower: 0, upper: 1, center: 0.5 };
  const proportion = successes / trials;
  const zSquared = z * z;
  const denominator = 1 + zSquared / trials;
  const center = (proportion + zSquared / (2 * trials)) / denominator;
  const margin = (z * Math.sqrt((proportion * (1 - proportion)) / trials + zSquared / (4 * trials * trials))) / denominator;
  return { proportion, lower: Math.max(0, center - margin), upper: Math.min(1, center + margin), center };
}
