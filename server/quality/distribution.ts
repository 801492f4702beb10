import { normaliseDistribution } from "./entropy";

/** Below 0.1 stable, 0.1 up to and including 0.25 moderate, above 0.25 significant. */
export type PsiBand = "stable" | "moderate" | "significant";

export type PsiBin = { expected: number; actual: number; contribution: number };

export type PsiResult = { psi: number; band: PsiBand; bins: PsiBin[] };

/** Share that stands in for an empty bin in PSI, so its logarithm stays finite. */
export const PSI_EMPTY_BIN = 0.0001;

/**
 * Population stability index Σ (a − e)·ln(a/e) between a reference (expected) and a current (actual)
 * distribution, each given as counts or proportions over the same bins. Empty bins become 0.0001,
 * without renormalising, as in the usual credit-scoring definition.
 */
export function computePsi(reference: ArrayLike<number>, current: ArrayLike<number>): PsiResult {
  const [expectedShares, actualShares] = normalisePair(reference, current);
  const bins: PsiBin[] = [];
  let psi = 0;
  expectedShares.forEach((share, bin) => {
    const expected = share > 0 ? share : PSI_EMPTY_BIN;
    const actualShare = actualShares[bin]!;
    const actual = actualShare > 0 ? actualShare : PSI_EMPTY_BIN;
    const contribution = (actual - expected) * Math.log(actual / expected);
    bins.push({ expected, actual, contribution });
    psi += contribution;
  });
  return { psi, band: classifyPsi(psi), bins };
}

/** Maps a PSI value to its conventional band. */
export function classifyPsi(psi: number): PsiBand {
  if (psi < 0.1) return "stable";
  return psi <= 0.25 ? "moderate" : "significant";
}

/** KL(p‖q) in nats; Infinity when p puts mass where q has none. */
export function computeKlDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const [left, right] = normalisePair(p, q);
  let divergence = 0;
  left.forEach((share, bin) => {
    if (share > 0) divergence += share * Math.log(share / right[bin]!);
  });
  return divergence;
}

/**
 * Jensen–Shannon distance: the square root of the JS divergence, in nats by default (at most √ln 2) or
 * in bits with base 2 (at most 1). Finite even with empty bins.
 */
export function computeJensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base: "e" | 2 = "e"): number {
  const [left, right] = normalisePair(p, q);
  const middle = left.map((share, bin) => (share + right[bin]!) / 2);
  const divergence = (computeKlDivergence(left, middle) + computeKlDivergence(right, middle)) / 2;
  return Math.sqrt(Math.max(0, base === 2 ? divergence / Math.LN2 : divergence));
}

/** Hellinger distance √(1 − Σ √(p·q)), in [0, 1]. */
export function computeHellingerDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const [left, right] = normalisePair(p, q);
  let affinity = 0;
  left.forEach((share, bin) => {
    affinity += Math.sqrt(share * right[bin]!);
  });
  return Math.sqrt(Math.max(0, 1 - affinity));
}

function normalisePair(p: ArrayLike<number>, q: ArrayLike<number>): [Float64Array, Float64Array] {
  if (p.length !== q.length) throw new RangeError("both distributions need the same bins");
  return [normaliseDistribution(p), normaliseDistribution(q)];
}
