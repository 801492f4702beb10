import type { Random } from "@/server/quality";

/**
 * Exact samplers for the Monte Carlo nulls, driven by the seeded uniform source so every pass repeats.
 * Binomials use Knuth's beta-splitting recursion, so a draw costs O(log n) rather than O(n) even for
 * windows with thousands of outputs.
 */

/** A standard normal draw (Box–Muller). */
export function drawNormal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, 1) draw (Marsaglia–Tsang; shapes below 1 by the u^(1/shape) boost). */
export function drawGamma(random: Random, shape: number): number {
  if (shape < 1) return drawGamma(random, shape + 1) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = drawNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

const DIRECT_BINOMIAL_TRIALS = 32;

/** A Binomial(trials, p) draw. */
export function drawBinomial(random: Random, trials: number, p: number): number {
  let remaining = trials;
  let rate = p;
  let successes = 0;
  // The a-th smallest of n uniforms is Beta(a, n − a + 1); which side of it p falls on splits the problem in half.
  while (remaining > DIRECT_BINOMIAL_TRIALS && rate > 0 && rate < 1) {
    const a = 1 + Math.floor(remaining / 2);
    const b = remaining + 1 - a;
    const left = drawGamma(random, a);
    const split = left / (left + drawGamma(random, b));
    if (split >= rate) {
      remaining = a - 1;
      rate /= split;
    } else {
      successes += a;
      remaining = b - 1;
      rate = (rate - split) / (1 - split);
    }
  }
  if (rate <= 0) return successes;
  if (rate >= 1) return successes + remaining;
  for (let trial = 0; trial < remaining; trial += 1) if (random() < rate) successes += 1;
  return successes;
}

/** Fills `into` with a Multinomial(trials, shares) draw, one conditional binomial per category. */
export function drawMultinomial(random: Random, trials: number, shares: ArrayLike<number>, into: Float64Array): Float64Array {
  let remaining = trials;
  let remainingShare = 1;
  for (let category = 0; category < shares.length; category += 1) {
    const share = shares[category]!;
    const isLast = category === shares.length - 1;
    const count = isLast || remainingShare <= share ? remaining : drawBinomial(random, remaining, share / remainingShare);
    into[category] = count;
    remaining -= count;
    remainingShare -= share;
    if (remaining === 0) {
      into.fill(0, category + 1);
      break;
    }
  }
  return into;
}
