import type { EncodedLabels } from "./encode";

export type FleissResult = {
  /** NaN when chance agreement is 1 (every rating in one category). */
  kappa: number;
  /** P̄: mean agreement within subjects. */
  observedAgreement: number;
  /** P̄e: Σ p_j², agreement expected by chance. */
  expectedAgreement: number;
  /** Subjects with at least two ratings; only these count. */
  subjects: number;
  /** p_j: share of all ratings in each category. */
  categoryShares: Float64Array;
  /** P_i per subject (NaN for a subject with fewer than two ratings). */
  subjectAgreement: Float64Array;
};

/**
 * Fleiss' κ from a subjects × categories count matrix (row-major, `categoryCount` columns). Subjects may
 * have different numbers of raters: P_i = Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1)) and p_j pools all ratings,
 * which is Fleiss' formula whenever the number of raters is constant.
 */
export function computeFleissKappa(counts: ArrayLike<number>, categoryCount: number): FleissResult {
  const subjectCount = Math.floor(counts.length / categoryCount);
  const categoryShares = new Float64Array(categoryCount);
  const subjectAgreement = new Float64Array(subjectCount).fill(Number.NaN);
  let agreementSum = 0;
  let subjects = 0;
  let ratings = 0;
  for (let subject = 0; subject < subjectCount; subject += 1) {
    let raters = 0;
    let agreeingPairs = 0;
    for (let category = 0; category < categoryCount; category += 1) {
      const count = counts[subject * categoryCount + category]!;
      raters += count;
      agreeingPairs += count * (count - 1);
    }
    if (raters < 2) continue;
    subjectAgreement[subject] = agreeingPairs / (raters * (raters - 1));
    agreementSum += subjectAgreement[subject]!;
    subjects += 1;
    ratings += raters;
    for (let category = 0; category < categoryCount; category += 1) {
      categoryShares[category]! += counts[subject * categoryCount + category]!;
    }
  }
  let expectedAgreement = 0;
  for (let category = 0; category < categoryCount; category += 1) {
    categoryShares[category] = categoryShares[category]! / ratings;
    expectedAgreement += categoryShares[category]! ** 2;
  }
  const observedAgreement = agreementSum / subjects;
  const kappa = expectedAgreement < 1 ? (observedAgreement - expectedAgreement) / (1 - expectedAgreement) : Number.NaN;
  return { kappa, observedAgreement, expectedAgreement, subjects, categoryShares, subjectAgreement };
}

/** Fleiss' κ over encoded answers: items are subjects, label codes are categories. */
export function computeFleissKappaFromLabels(data: EncodedLabels): FleissResult {
  const categoryCount = data.labelIds.length;
  const counts = new Int32Array(data.itemIds.length * categoryCount);
  for (let index = 0; index < data.items.length; index += 1) {
    counts[data.items[index]! * categoryCount + data.labels[index]!]! += 1;
  }
  return computeFleissKappa(counts, categoryCount);
}
