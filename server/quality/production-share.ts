import { estimateHajekMean } from "./estimators";

/** The normal quantile of a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/** A value's estimated share of the population with its 95 % interval (normal, from the linearised standard error). */
export type ShareEstimate = {
  value: string;
  share: number;
  standardError: number;
  /** Half the interval's width: "share ± margin". */
  margin: number;
  lower: number;
  upper: number;
  /** Sampled items that carry this value. */
  items: number;
};

/** A labelled sampled item: its value and its inclusion probability π. */
export type LabelledDraw = { value: string; inclusionProbability: number };

/**
 * The Hájek estimate of each value's share of the whole population from a Poisson sample with known π:
 * p̂_v = Σ_S [y_i = v]/π_i ÷ Σ_S 1/π_i, with variance Σ_S (1 − π_i)/π_i² · ([y_i = v] − p̂_v)² ÷ N̂² and
 * N̂ = Σ_S 1/π_i. The interval is p̂ ± 1.96·SE, clipped to [0, 1]. Values listed in `values` but never
 * sampled get 0 with a zero-width interval (the estimator cannot see them); an empty sample gives nothing.
 */
export function estimateShares(draws: readonly LabelledDraw[], values: readonly string[]): ShareEstimate[] {
  if (draws.length === 0) return [];
  const probabilities = draws.map((draw) => draw.inclusionProbability);
  return values.map((value) => {
    const indicators = draws.map((draw): number => (draw.value === value ? 1 : 0));
    const { estimate, standardError } = estimateHajekMean(indicators, probabilities);
    const margin = Z_95 * standardError;
    return {
      value,
      share: estimate,
      standardError,
      margin,
      lower: Math.max(0, estimate - margin),
      upper: Math.min(1, estimate + margin),
      items: indicators.reduce((sum, indicator) => sum + indicator, 0),
    };
  });
}
