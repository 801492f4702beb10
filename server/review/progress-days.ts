const DAY_MS = 86_400_000;
/** Days the progress panel charts: today (UTC) and the six before it, which always hold the ISO week so far. */
export const PROGRESS_DAYS = 7;

export type DailySubmissions = { day: Date; isThisQueue: boolean; answers: number };
export type ProgressCount = { queue: number; project: number };
export type MyProgress = {
  today: ProgressCount;
  week: ProgressCount;
  /** Monday 00:00 UTC of the current ISO week. */
  weekStart: Date;
  /** PROGRESS_DAYS entries, oldest first, each a UTC day. */
  days: Array<{ day: Date } & ProgressCount>;
};

export function startOfUtcDay(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

/** The first of the charted days. */
export function startOfProgressWindow(now: Date): Date {
  return new Date(startOfUtcDay(now).getTime() - (PROGRESS_DAYS - 1) * DAY_MS);
}

/** Monday 00:00 UTC of the ISO week holding `now`. */
export function startOfIsoWeek(now: Date): Date {
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(startOfUtcDay(now).getTime() - daysSinceMonday * DAY_MS);
}

/** Today's, this week's and each charted day's submissions, from per-day rows of the charted window. */
export function summarizeMyProgress(rows: readonly DailySubmissions[], now: Date): MyProgress {
  const first = startOfProgressWindow(now).getTime();
  const days = Array.from({ length: PROGRESS_DAYS }, (_, index) => ({ day: new Date(first + index * DAY_MS), queue: 0, project: 0 }));
  for (const row of rows) {
    const entry = days[Math.round((row.day.getTime() - first) / DAY_MS)];
    if (!entry) continue;
    entry.project += row.answers;
    if (row.isThisQueue) entry.queue += row.answers;
  }
  const weekStart = startOfIsoWeek(now);
  const sum = (from: Date) => days.filter((entry) => entry.day >= from).reduce((total, entry) => ({ queue: total.queue + entry.queue, project: total.project + entry.project }), { queue: 0, project: 0 });
  return { today: sum(startOfUtcDay(now)), week: sum(weekStart), weekStart, days };
}
