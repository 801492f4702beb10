import type { ChartWindow } from "@/server/loop-health/detector-charts";

/** One window of a statistic with its null band, as every loop-health chart and table takes it. */
export type BandWindow = Omit<ChartWindow, "pValue">;

/** A chart row: time as a number (so alert spans can fall between rows) and the band as a [low, high] range. */
export type BandChartRow = { t: number; statistic: number | null; band: [number, number] | null; firing: number | null };

/**
 * Rows for a band chart. A one-sided band (only an upper or only a lower bound) is drawn to the edge of
 * the plotted range, so the shaded area always means "where the statistic is expected under the null".
 */
export function toBandChartRows(windows: readonly BandWindow[], threshold: number | null = null): { rows: BandChartRow[]; domain: [number, number] } {
  const values = windows.flatMap((window) => [window.statistic, window.lower, window.upper]).concat(threshold).filter((value): value is number => value !== null && Number.isFinite(value));
  const low = values.length > 0 ? Math.min(...values) : 0;
  const high = values.length > 0 ? Math.max(...values) : 1;
  const padding = (high - low) * 0.05 || Math.abs(high) * 0.05 || 0.05;
  const domain: [number, number] = [low - padding, high + padding];
  const rows = windows.map((window) => {
    const hasBand = window.lower !== null || window.upper !== null;
    return {
      t: window.windowStart.getTime(),
      statistic: window.statistic,
      band: hasBand ? ([window.lower ?? domain[0], window.upper ?? domain[1]] as [number, number]) : null,
      firing: window.isFiring ? window.statistic : null,
    };
  });
  return { rows, domain };
}

/** The chart in words, for its accessible name. */
export function summarizeBandWindows(subject: string, windows: readonly BandWindow[]): string {
  const measured = windows.filter((window) => window.statistic !== null);
  const firing = windows.filter((window) => window.isFiring).length;
  const latest = measured.at(-1);
  if (!latest) return `${subject}: no window has enough data yet.`;
  return `${subject}: ${measured.length} windows measured, ${firing} outside the band; latest value ${Number(latest.statistic!.toPrecision(3))}.`;
}
