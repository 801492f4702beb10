/** Shannon entropy and what it implies about how many classes are really in use. */
export type EntropyResult = {
  /** In nats. */
  entropy: number;
  /** entropy / ln(k) over the k bins given, in [0, 1]; NaN with fewer than two bins. */
  normalisedEntropy: number;
  /** exp(entropy): the number of equally likely classes with the same entropy. */
  effectiveClasses: number;
};

/** Scales counts or weights to proportions summing to 1; throws when they sum to 0. */
export function normaliseDistribution(weights: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let index = 0; index < weights.length; index += 1) {
    const weight = weights[index]!;
    if (!(weight >= 0)) throw new RangeError("distribution weights must be non-negative numbers");
    total += weight;
  }
  if (total === 0) throw new RangeError("a distribution needs a positive total");
  return Float64Array.from(weights, (weight) => weight / total);
}

/** Entropy of a distribution given as counts or proportions; empty bins contribute 0. */
export function computeEntropy(weights: ArrayLike<number>): EntropyResult {
  const shares = normaliseDistribution(weights);
  let entropy = 0;
  for (const share of shares) if (share > 0) entropy -= share * Math.log(share);
  return {
    entropy,
    normalisedEntropy: shares.length > 1 ? entropy / Math.log(shares.length) : Number.NaN,
    effectiveClasses: Math.exp(entropy),
  };
}
