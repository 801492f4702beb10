import type { MetricPoint } from "@/server/metrics/catalog";
import { computeEntropy, computeJensenShannonDistance } from "@/server/quality";
import { chiSquareQuantile, normalQuantile } from "./distributions";
import { WINDOW_LEVEL } from "./levels";
import { computeMonteCarloPValues, type Tail } from "./monte-carlo";
import { drawMultinomial } from "./sampling";
import type { WindowVerdict } from "./series";

export type Counts = Record<string, number>;

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
  const windowDraw = new Float64Array(categories.length);
  const referenceDraw = new Float64Array(categories.length);
  const pValues =
    categories.length < 2
      ? observed.map(() => 1)
      : computeMonteCarloPValues(seed, observed, tails, (random) => {
          drawMultinomial(random, n, pooled, windowDraw);
          drawMultinomial(random, referenceTotal, pooled, referenceDraw);
          const drawn: number[] = [];
          if (tests.divergence) drawn.push(computeJensenShannonDistance(windowDraw, referenceDraw, 2));
          if (tests.entropyDrop) drawn.push(entropyBits(windowDraw) - entropyBits(referenceDraw));
          return drawn;
        });
  const pValue = Math.min(1, pValues.length * Math.min(...pValues));

  const perTest = WINDOW_LEVEL / observed.length;
  const effective = (n * referenceTotal) / (n + referenceTotal);
  const usedCategories = pooled.filter((share) => share > 0).length;
  const divergenceUpper = Math.sqrt(chiSquareQuantile(1 - perTest, Math.max(1, usedCategories - 1)) / (8 * effective * Math.LN2));
  const referenceShares = referenceCounts.map((count) => count / referenceTotal);
  let secondMoment = 0;
  for (const share of referenceShares) if (share > 0) secondMoment += share * Math.log2(share) ** 2;
  const spread = Math.sqrt(Math.max(0, secondMoment - referenceEntropy ** 2) * (1 / n + 1 / referenceTotal));
  const bias = (usedCategories - 1) / (2 * Math.LN2) * (1 / referenceTotal - 1 / n);
  const entropyLower = Math.max(0, referenceEntropy + bias + normalQuantile(perTest) * spread);

  const verdict: WindowVerdict = tests.divergence
    ? { statistic: divergence, band: { lower: null, upper: divergenceUpper }, pValue }
    : { statistic: entropy, band: { lower: entropyLower, upper: null }, pValue };
  return { divergence, entropy, referenceEntropy, verdict };
}
