import type { Granularity } from "./catalog";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The windows of one granularity that one pass recomputes, with the span they cover. */
export type WindowSet = {
  projectId: string;
  granularity: Granularity;
  starts: Date[];
  /** The first window's start and the last window's end: a range an index can serve before the exact match. */
  from: Date;
  to: Date;
};

export function windowLength(granularity: Granularity): number {
  return granularity === "hour" ? HOUR_MS : DAY_MS;
}

/** The UTC window of `granularity` that holds `at`. */
export function windowStartOf(granularity: Granularity, at: Date): Date {
  const length = windowLength(granularity);
  return new Date(Math.floor(at.getTime() / length) * length);
}

/** Per granularity, instants whose windows a pass recomputes. */
export type TouchedInstants = Record<Granularity, Date[]>;

/** The same instants for every granularity: rows touch the hour and the day they fall in. */
export const touchedAtEveryGranularity = (instants: Date[]): TouchedInstants => ({ hour: instants, day: instants });

/** The distinct windows of `granularity` that hold the given instants, as a set ready to recompute; null when there are none. */
export function toWindowSet(projectId: string, granularity: Granularity, instants: readonly Date[]): WindowSet | null {
  const starts = [...new Set(instants.map((instant) => windowStartOf(granularity, instant).getTime()))].sort((a, b) => a - b);
  if (starts.length === 0) return null;
  return {
    projectId,
    granularity,
    starts: starts.map((start) => new Date(start)),
    from: new Date(starts[0]!),
    to: new Date(starts[starts.length - 1]! + windowLength(granularity)),
  };
}
