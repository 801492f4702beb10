const DAY_MS = 86_400_000;
/** A simulated day's work lands in office hours, from 09:00 UTC on. */
const WORKDAY_START_MS = 9 * 3_600_000;

/** The UTC midnight that starts simulated day `day` (1-based) of `days`: the last one is yesterday. */
export function simulatedDayStart(day: number, days: number, now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - day + 1) * DAY_MS);
}

export function nextDay(dayStart: Date): Date {
  return new Date(dayStart.getTime() + DAY_MS);
}

/** When the day's first row is stamped once it is moved onto its simulated day. */
export function workdayStart(dayStart: Date): Date {
  return new Date(dayStart.getTime() + WORKDAY_START_MS);
}
