import { normalQuantile } from "./distributions";

/**
 * The false-alarm budget every detector shares. A window is "beyond" its null band when its p-value is at
 * most WINDOW_LEVEL; a window test fires only when two consecutive windows are beyond, so a stationary
 * series fires about WINDOW_LEVEL² per window. A healthy project has roughly 30 series × 60 windows, so
 * this keeps whole healthy runs free of alerts while a collapse still fires on its second window.
 */
export const WINDOW_LEVEL = 0.001;
export const CONSECUTIVE_WINDOWS = 2;

/**
 * CUSUM alarm threshold in log-likelihood-ratio units. By Wald's inequality a CUSUM excursion that starts
 * at 0 reaches h under the in-control rate with probability at most e^−h, so the in-control average run
 * length is at least e^h = 10,000 windows.
 */
export const CUSUM_THRESHOLD = Math.log(10_000);
/** A CUSUM is capped at twice its threshold, so a loop that recovers clears within a few windows. */
export const CUSUM_CAP = 2 * CUSUM_THRESHOLD;

/** z of the one-sided WINDOW_LEVEL tail, for display bands. */
export const Z_WINDOW = normalQuantile(1 - WINDOW_LEVEL);
/** z of the Wilson bounds that approval saturation compares, and of the conservative CUSUM in-control rates. */
export const Z_CONSERVATIVE = normalQuantile(1 - 0.005);

export const DEFAULT_REFERENCE_WINDOWS = 7;
