import type { Granularity } from "@/server/metrics/catalog";

/** The length of a window; windows are aligned to UTC hours and days, as the metrics job writes them. */
export const WINDOW_MS: Record<Granularity, number> = { hour: 3_600_000, day: 86_400_000 };

/** The start of the latest window that has ended by `now` (its end ≤ now). */
export function latestClosedWindowStart(now: Date, granularity: Granularity): Date {
  const step = WINDOW_MS[granularity];
  return new Date(Math.floor(now.getTime() / step) * step - step);
}

/** The end of the window starting at `windowStart`. */
export const windowEnd = (windowStart: Date, granularity: Granularity) => new Date(windowStart.getTime() + WINDOW_MS[granularity]);
