import type { DetectorStep } from "./detector";

export type PageHinkleyParams = {
  /** Observations since the last reset before an alarm may fire (default 30). */
  minInstances: number;
  /** Magnitude of change tolerated (default 0.005). */
  delta: number;
  /** λ: alarm when the statistic exceeds it (default 50). */
  threshold: number;
  /** Fading factor applied to the statistic (default 0.9999). */
  alpha: number;
};

/** Plain JSON: store it between runs and pass it back to `updatePageHinkley`. */
export type PageHinkleyState = {
  params: PageHinkleyParams;
  /** Observations since the last reset. */
  count: number;
  mean: number;
  statistic: number;
  /** Observations over the whole stream. */
  seen: number;
};

/** scikit-multiflow's defaults. */
export const PAGE_HINKLEY_DEFAULTS: PageHinkleyParams = { minInstances: 30, delta: 0.005, threshold: 50, alpha: 0.9999 };

/** Starts a Page–Hinkley detector for upward shifts in the mean. */
export function createPageHinkley(params: Partial<PageHinkleyParams> = {}): PageHinkleyState {
  return { params: { ...PAGE_HINKLEY_DEFAULTS, ...params }, count: 0, mean: 0, statistic: 0, seen: 0 };
}

/**
 * One Page–Hinkley step: x̄_t = x̄_{t−1} + (x_t − x̄_{t−1})/t, S_t = max(0, α·S_{t−1} + x_t − x̄_t − δ);
 * alarm when t ≥ minInstances and S_t > λ, after which the detector restarts from scratch.
 */
export function updatePageHinkley(state: PageHinkleyState, value: number): DetectorStep<PageHinkleyState> {
  const { params } = state;
  const count = state.count + 1;
  const mean = state.mean + (value - state.mean) / count;
  const statistic = Math.max(0, params.alpha * state.statistic + (value - mean - params.delta));
  const alarm = count >= params.minInstances && statistic > params.threshold;
  const seen = state.seen + 1;
  const next = alarm ? { params, count: 0, mean: 0, statistic: 0, seen } : { params, count, mean, statistic, seen };
  return { state: next, alarm, index: seen - 1, statistic };
}
