import type { Granularity } from "@/server/metrics/catalog";

// Windows are UTC, so their labels are too: a window reads the same for every reader and in every table.
const formats: Record<Granularity, Intl.DateTimeFormat> = {
  hour: new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }),
  day: new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }),
};

/** "Nov 29" for a day window, "Nov 29, 14:00" for an hour window (UTC). */
export function formatWindow(value: Date | number, granularity: Granularity): string {
  return formats[granularity].format(value);
}

/** A statistic or rate for tables and summaries: three significant digits, "—" when there is none. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return Number(value.toPrecision(3)).toLocaleString("en-US");
}

/** Seconds as "850 ms", "12.4 s", "3.2 min" or "1.5 h". */
export function formatSeconds(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (value < 1) return `${Math.round(value * 1000)} ms`;
  if (value < 120) return `${formatNumber(value)} s`;
  if (value < 7200) return `${formatNumber(value / 60)} min`;
  return `${formatNumber(value / 3600)} h`;
}
