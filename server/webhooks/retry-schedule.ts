/** Each delay is stretched or shrunk by up to this fraction, so endpoints that failed together do not retry together. */
const JITTER = 0.2;

/**
 * The wait before the next attempt after `attemptsMade` failed ones, or null when the schedule is spent and
 * the delivery gives up. `random` is in [0, 1).
 */
export function nextRetryDelayMs(attemptsMade: number, scheduleMs: readonly number[], random: number = Math.random()): number | null {
  const base = scheduleMs[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}
