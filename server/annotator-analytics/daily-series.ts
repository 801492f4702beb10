const DAY_MS = 86_400_000;

export type DailyCount = { day: Date; answers: number };

/** The first UTC day of a `days`-day window that ends with the UTC day of `now`. */
export function startOfWindow(now: Date, days: number): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
}

/** One entry per UTC day of the window, oldest first, with zero on days that have no row. */
export function fillDailySeries(rows: readonly DailyCount[], now: Date, days: number): DailyCount[] {
  const start = startOfWindow(now, days).getTime();
  const byDay = new Map(rows.map((row) => [row.day.getTime(), row.answers]));
  return Array.from({ length: days }, (_, index) => {
    const day = start + index * DAY_MS;
    return { day: new Date(day), answers: byDay.get(day) ?? 0 };
  });
}
