import type { MetricPoint } from "@/server/metrics/catalog";
import { computeEntropy, computeJensenShannonDistance } from "@/server/quality";
import { chiSquareQuantile, chiSquareUpperZ, normalQuantile } from "./distributions";
import { WINDOW_LEVEL } from "./levels";
import { computeMonteCarloPValues, maxNullDraws, type Tail } from "./monte-carlo";
import { drawMultinomial } from "./sampling";
import type { WindowVerdict } from "./series";

export type Counts = Record<string, number>;

/** Six standard deviations: an asymptotic tail of about 1e-9, a million times below the window level. */
const CERTAIN_Z = 6;

/** `detail.counts` of a label-count or feature point; a log2 histogram's `detail.bins` keyed by bin. */
export function readCounts(point: MetricPoint): Counts | null {
  const { counts, bins } = point.detail as { counts?: unknown; bins?: unknown };
  if (Array.isArray(bins)) return Object.fromEntries(bins.map((count, bin) => [String(bin), Number(count)]));
  if (counts && typeof counts === "object") return counts as Counts;
  return null;
}

export function sumCounts(points: readonly MetricPoint[]): Counts | null {
  const total: Counts = {};
  let hasAny = false;
  for (const point of points) {
    const counts = readCounts(point);
    if (!counts) continue;
    for (const [key, count] of Object.entries(counts)) {
      if (!(count > 0)) continue;
      total[key] = (total[key] ?? 0) + count;
      hasAny = true;
    }
  }
  return hasAny ? total : null;
}

const entropyBits = (counts: ArrayLike<number>): number => computeEntropy(counts).entropy / Math.LN2;

/** JS distance in bits without allocating (same value as computeJensenShannonDistance(p, q, 2)): the Monte Carlo loop's hot path. */
function drawnDivergenceBits(left: Float64Array, leftTotal: number, right: Float64Array, rightTotal: number): number {
  let divergence = 0;
  for (let index = 0; index < left.length; index += 1) {
    const p = left[index]! / leftTotal;
    const q = right[index]! / rightTotal;
    const middle = (p + q) / 2;
    if (p > 0) divergence += p * Math.log2(p / middle);
    if (q > 0) divergence += q * Math.log2(q / middle);
  }
  return Math.sqrt(Math.max(0, divergence / 2));
}

/** Entropy in bits without allocating: the Monte Carlo loop calls it twice per draw. */
function drawnEntropyBits(counts: Float64Array, total: number): number {
  let entropy = 0;
  for (const count of counts) if (count > 0) entropy -= (count / total) * Math.log2(count / total);
  return entropy;
}
const total = (counts: Float64Array): number => counts.reduce((sum, count) => sum + count, 0);

/** Which differences from the reference a categorical test looks for. */
export type CategoricalTests = { divergence: boolean; entropyDrop: boolean };

export type CategoricalOutcome = {
  /** Jensen–Shannon distance to the reference, bits. */
  divergence: number;
  /** Entropy of the window's counts, bits. */
  entropy: number;
  referenceEntropy: number;
  verdict: WindowVerdict;
};

/**
 * Tests a window's counts against the reference counts. Null model: both are multinomial samples of one
 * distribution, estimated by pooling them; each Monte Carlo draw resamples the reference at its size and
 * the window at its size, so the threshold reflects this window's n and the reference's own noise.
 * Statistics: JSD(window, reference) (upper tail) and H(window) − H(reference) (lower tail); with both,
 * the p-value is Bonferroni-combined. The band is the asymptotic version of the same null (display only):
 * 8·n·N/(n+N)·JS ≈ χ²(k−1), and the delta-method normal for the entropy difference.
 */
export function testCategoricalShift(window: Counts, reference: Counts, tests: CategoricalTests, seed: number): CategoricalOutcome | null {
  const categories = [...new Set([...Object.keys(window), ...Object.keys(reference)])].sort();
  const windowCounts = Float64Array.from(categories, (key) => window[key] ?? 0);
  const referenceCounts = Float64Array.from(categories, (key) => reference[key] ?? 0);
  const n = total(windowCounts);
  const referenceTotal = total(referenceCounts);
  if (n === 0 || referenceTotal === 0) return null;
  const divergence = computeJensenShannonDistance(windowCounts, referenceCounts, 2);
  const entropy = entropyBits(windowCounts);
  const referenceEntropy = entropyBits(referenceCounts);
  const pooled = windowCounts.map((count, index) => (count + referenceCounts[index]!) / (n + referenceTotal));

  const observed: number[] = [];
  const tails: Tail[] = [];
  if (tests.divergence) {
    observed.push(divergence);
    tails.push("upper");
  }
  if (tests.entropyDrop) {
    observed.push(entropy - referenceEntropy);
    tails.push("lower");
  }
  const perTest = WINDOW_LEVEL / observed.length;
  const effective = (n * referenceTotal) / (n + referenceTotal);
  const usedCategories = pooled.filter((share) => share > 0).length;
  const degreesOfFreedom = Math.max(1, usedCategories - 1);
  const divergenceUpper = Math.sqrt(chiSquareQuantile(1 - perTest, degreesOfFreedom) / (8 * effective * Math.LN2));
  let secondMoment = 0;
  for (const count of referenceCounts) if (count > 0) secondMoment += (count / referenceTotal) * Math.log2(count / referenceTotal) ** 2;
  const spread = Math.sqrt(Math.max(0, secondMoment - referenceEntropy ** 2) * (1 / n + 1 / referenceTotal));
  const bias = ((usedCategories - 1) / (2 * Math.LN2)) * (1 / referenceTotal - 1 / n);
  const entropyLower = Math.max(0, referenceEntropy + bias + normalQuantile(perTest) * spread);

  // Cochran's rule: with every expected count at least 5 the asymptotic law holds, and a window more than
  // CERTAIN_Z out would show no null draw as extreme in the whole budget; skipping the draws then gives the
  // p-value the Monte Carlo would, 1/(B + 1), at a fraction of the cost of the windows that collapsed.
  const isAsymptotic = pooled.every((share) => share === 0 || (share * n >= 5 && share * referenceTotal >= 5));
  const divergenceZ = chiSquareUpperZ(8 * effective * divergence ** 2 * Math.LN2, degreesOfFreedom);
  const entropyZ = spread > 0 ? (entropy - referenceEntropy - bias) / spread : 0;
  const isCertain = isAsymptotic && ((tests.divergence && divergenceZ > CERTAIN_Z) || (tests.entropyDrop && entropyZ < -CERTAIN_Z));

  const windowDraw = new Float64Array(categories.length);
  const referenceDraw = new Float64Array(categories.length);
  const pValues =
    categories.length < 2
      ? observed.map(() => 1)
      : isCertain
        ? observed.map(() => 1 / (maxNullDraws(observed.length) + 1))
        : computeMonteCarloPValues(seed, observed, tails, (random) => {
            drawMultinomial(random, n, pooled, windowDraw);
            drawMultinomial(random, referenceTotal, pooled, referenceDraw);
            const drawn: number[] = [];
            if (tests.divergence) drawn.push(drawnDivergenceBits(windowDraw, n, referenceDraw, referenceTotal));
            if (tests.entropyDrop) drawn.push(drawnEntropyBits(windowDraw, n) - drawnEntropyBits(referenceDraw, referenceTotal));
            return drawn;
          });
  const pValue = Math.min(1, pValues.length * Math.min(...pValues));

  const verdict: WindowVerdict = tests.divergence
    ? { statistic: divergence, band: { lower: null, upper: divergenceUpper }, pValue }
    : { statistic: entropy, band: { lower: entropyLower, upper: null }, pValue };
  return { divergence, entropy, referenceEntropy, verdict };
}
