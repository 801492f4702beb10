import type { DetectorStep } from "./detector";

export type BernoulliCusumParams = {
  /** In-control rate. */
  p0: number;
  /** Out-of-control rate the chart should catch (p1 > p0 watches for a rise). */
  p1: number;
  /** h: alarm when the statistic exceeds it. */
  threshold: number;
};

/** Plain JSON: store it between runs and pass it back to `updateBernoulliCusum`. */
export type BernoulliCusumState = { params: BernoulliCusumParams; statistic: number; seen: number };

/** Starts a Bernoulli CUSUM chart for a rate moving from p0 to p1. */
export function createBernoulliCusum(params: BernoulliCusumParams): BernoulliCusumState {
  const { p0, p1, threshold } = params;
  const isRate = (rate: number): boolean => rate > 0 && rate < 1;
  if (!isRate(p0) || !isRate(p1) || p0 === p1) throw new RangeError("p0 and p1 must be distinct rates in (0, 1)");
  if (!(threshold > 0)) throw new RangeError("threshold must be positive");
  return { params: { ...params }, statistic: 0, seen: 0 };
}

/**
 * One CUSUM step for a 0/1 outcome: S_t = max(0, S_{t−1} + x·ln(p1/p0) + (1−x)·ln((1−p1)/(1−p0))),
 * alarm when S_t > h, after which the statistic restarts at 0.
 */
export function updateBernoulliCusum(state: BernoulliCusumState, outcome: number): DetectorStep<BernoulliCusumState> {
  if (outcome !== 0 && outcome !== 1) throw new RangeError("a Bernoulli outcome must be 0 or 1");
  const { p0, p1, threshold } = state.params;
  const increment = outcome === 1 ? Math.log(p1 / p0) : Math.log((1 - p1) / (1 - p0));
  const statistic = Math.max(0, state.statistic + increment);
  const alarm = statistic > threshold;
  const seen = state.seen + 1;
  return { state: { params: state.params, statistic: alarm ? 0 : statistic, seen }, alarm, index: seen - 1, statistic };
}
