import type { Random } from "./random";

/** log(k!) − Stirling's approximation of it, exact for k ≤ 9 (Hörmann 1993, as TensorFlow's sampler uses). */
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211, 0.0138761288230707, 0.0118967099458917,
  0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k]!;
  const squared = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / squared) / squared) / (k + 1);
}

/** Counts the successes among n trials by summing geometric waiting times: about n·p + 1 uniforms. */
function drawByInversion(random: Random, trials: number, probability: number): number {
  const logFailure = Math.log1p(-probability);
  let position = 0;
  let successes = 0;
  for (;;) {
    // 1 − random() lies in (0, 1], so the logarithm is finite and every wait is at least one trial.
    position += Math.max(1, Math.ceil(Math.log(1 - random()) / logFailure));
    if (position > trials) return successes;
    successes += 1;
  }
}

/** Hörmann's BTRS (transformed rejection with squeeze), exact for n·p ≥ 10 and p ≤ 0.5: a few uniforms per draw whatever n is. */
function drawByTransformedRejection(random: Random, trials: number, probability: number): number {
  const spread = Math.sqrt(trials * probability * (1 - probability));
  const b = 1.15 + 2.53 * spread;
  const a = -0.0873 + 0.0248 * b + 0.01 * probability;
  const c = trials * probability + 0.5;
  const quickAccept = 0.92 - 4.2 / b;
  const odds = probability / (1 - probability);
  const alpha = (2.83 + 5.1 / b) * spread;
  const mode = Math.floor((trials + 1) * probability);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const distance = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / distance + b) * u + c);
    if (k < 0 || k > trials) continue;
    if (distance >= 0.07 && v <= quickAccept) return k;
    const logV = Math.log((v * alpha) / (a / (distance * distance) + b));
    const bound =
      (mode + 0.5) * Math.log((mode + 1) / (odds * (trials - mode + 1))) +
      (trials + 1) * Math.log((trials - mode + 1) / (trials - k + 1)) +
      (k + 0.5) * Math.log((odds * (trials - k + 1)) / (k + 1)) +
      stirlingTail(mode) +
      stirlingTail(trials - mode) -
      stirlingTail(k) -
      stirlingTail(trials - k);
    if (logV <= bound) return k;
  }
}

/** An exact Binomial(trials, probability) draw. */
export function drawBinomial(random: Random, trials: number, probability: number): number {
  if (trials <= 0 || probability <= 0) return 0;
  if (probability >= 1) return trials;
  if (probability > 0.5) return trials - drawBinomial(random, trials, 1 - probability);
  return trials * probability < 10 ? drawByInversion(random, trials, probability) : drawByTransformedRejection(random, trials, probability);
}

/**
 * Multinomial counts of Σ weights draws over classes with probabilities proportional to `weights` (whole
 * numbers), by conditional binomials. Drawing units with replacement and tallying their classes has exactly
 * this distribution, at the cost of one binomial per class instead of one uniform per unit.
 */
export function drawMultinomial(random: Random, weights: Float64Array, counts: Float64Array): void {
  let remaining = 0;
  for (const weight of weights) remaining += weight;
  let mass = remaining;
  for (let index = 0; index < weights.length; index += 1) {
    const weight = weights[index]!;
    const drawn = remaining === 0 || weight === 0 ? 0 : drawBinomial(random, remaining, Math.min(1, weight / mass));
    counts[index] = drawn;
    remaining -= drawn;
    mass -= weight;
  }
}
