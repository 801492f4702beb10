import type { Random } from "@/server/quality";
import { logFactorial } from "./distributions";

/** Exact samplers for the Monte Carlo nulls, driven by the seeded uniform source so every pass repeats. */

/** A standard normal draw (Box–Muller). */
export function drawNormal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Above this variance a binomial is drawn from its normal approximation: the null's tail probabilities then
 * differ by well under 1% (Berry–Esseen with n·p·q ≥ 1,000), and the exact search would cost ~25 steps per draw.
 */
const NORMAL_APPROXIMATION_VARIANCE = 1000;

/**
 * A Binomial(trials, p) draw by inversion searched outward from the mode: exact, and O(√(n·p·(1 − p)))
 * steps; normal (rounded, clamped) once the variance passes NORMAL_APPROXIMATION_VARIANCE.
 */
export function drawBinomial(random: Random, trials: number, p: number): number {
  if (trials <= 0 || p <= 0) return 0;
  if (p >= 1) return trials;
  const q = 1 - p;
  const variance = trials * p * q;
  if (variance >= NORMAL_APPROXIMATION_VARIANCE) {
    return Math.min(trials, Math.max(0, Math.round(trials * p + Math.sqrt(variance) * drawNormal(random))));
  }
  const mode = Math.min(trials, Math.floor((trials + 1) * p));
  const modeProbability = Math.exp(
    logFactorial(trials) - logFactorial(mode) - logFactorial(trials - mode) + mode * Math.log(p) + (trials - mode) * Math.log(q),
  );
  let remaining = random() - modeProbability;
  if (remaining <= 0) return mode;
  let low = mode;
  let high = mode;
  let lowProbability = modeProbability;
  let highProbability = modeProbability;
  const odds = p / q;
  while (low > 0 || high < trials) {
    if (high < trials) {
      highProbability *= ((trials - high) / (high + 1)) * odds;
      high += 1;
      remaining -= highProbability;
      if (remaining <= 0) return high;
    }
    if (low > 0) {
      lowProbability *= low / ((trials - low + 1) * odds);
      low -= 1;
      remaining -= lowProbability;
      if (remaining <= 0) return low;
    }
  }
  // Rounding left a sliver of probability unassigned; the mode is where it belongs.
  return mode;
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
