import { formatNumber, formatSeconds } from "@/components/loop-health/window-format";

/** A share as "42 %", "—" when there is none. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${Math.round(value * 100)} %`;
}

/** An interval of proportions: "64–94 %". */
export function formatInterval(lower: number, upper: number): string {
  return `${Math.round(lower * 100)}–${Math.round(upper * 100)} %`;
}

/** A proportion with its interval: "83 % (64–94 %)". */
export function formatWithInterval(value: number, lower: number, upper: number): string {
  return `${formatShare(value)} (${formatInterval(lower, upper)})`;
}

/** Milliseconds as the loop-health pages show durations: "850 ms", "12.4 s", "3.2 min". */
export function formatDuration(milliseconds: number | null): string {
  return milliseconds === null ? "—" : formatSeconds(milliseconds / 1000);
}

export { formatNumber };
