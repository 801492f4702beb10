/** A design-weighted estimate with its standard error under Poisson sampling. */
export type SampleEstimate = {
  estimate: number;
  standardError: number;
  sampleSize: number;
  /** Σ 1/π_i: the estimated population size. */
  estimatedPopulation: number;
};

function checkSample(values: ArrayLike<number>, probabilities: ArrayLike<number>): void {
  if (values.length !== probabilities.length) throw new RangeError("one inclusion probability per value is required");
  for (let index = 0; index < probabilities.length; index += 1) {
    const probability = probabilities[index]!;
    if (!(probability > 0 && probability <= 1)) throw new RangeError("inclusion probabilities must be in (0, 1]");
  }
}

/**
 * Horvitz–Thompson estimate of a population total, Σ_S y_i/π_i, for items sampled with known inclusion
 * probabilities π_i. The variance Σ (1 − π_i)·y_i²/π_i² assumes independent (Poisson) inclusion.
 */
export function estimateHorvitzThompsonTotal(values: ArrayLike<number>, probabilities: ArrayLike<number>): SampleEstimate {
  checkSample(values, probabilities);
  let total = 0;
  let variance = 0;
  let estimatedPopulation = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    const probability = probabilities[index]!;
    total += value / probability;
    variance += ((1 - probability) * value * value) / (probability * probability);
    estimatedPopulation += 1 / probability;
  }
  return { estimate: total, standardError: Math.sqrt(variance), sampleSize: values.length, estimatedPopulation };
}

/**
 * Hájek estimate of a population mean or rate, Σ_S y_i/π_i ÷ Σ_S 1/π_i. It trades a small bias for far less
 * variance than HT ÷ N; its standard error is the usual linearisation under Poisson sampling.
 */
export function estimateHajekMean(values: ArrayLike<number>, probabilities: ArrayLike<number>): SampleEstimate {
  const { estimate: total, estimatedPopulation } = estimateHorvitzThompsonTotal(values, probabilities);
  const mean = values.length > 0 ? total / estimatedPopulation : Number.NaN;
  let variance = 0;
  for (let index = 0; index < values.length; index += 1) {
    const probability = probabilities[index]!;
    variance += ((1 - probability) * (values[index]! - mean) ** 2) / (probability * probability);
  }
  return {
    estimate: mean,
    standardError: values.length > 0 ? Math.sqrt(variance) / estimatedPopulation : Number.NaN,
    sampleSize: values.length,
    estimatedPopulation,
  };
}
