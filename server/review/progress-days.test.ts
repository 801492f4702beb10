import { describe, expect, it } from "vitest";
import { startOfIsoWeek, summarizeMyProgress } from "./progress-days";

describe("progress days", () => {
  it("start the ISO week on Monday 00:00 UTC, also from a Sunday night", () => {
    expect(startOfIsoWeek(new Date("2026-11-29T23:59:59Z"))).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(startOfIsoWeek(new Date("2026-11-30T00:00:00Z"))).toEqual(new Date("2026-11-30T00:00:00Z"));
  });

  it("count a whole seven-day window into the week only from Monday on", () => {
    const rows = Array.from({ length: 7 }, (_, index) => ({ day: new Date(Date.UTC(2026, 10, 23 + index)), isThisQueue: index % 2 === 0, answers: 1 }));
    const sunday = summarizeMyProgress(rows, new Date("2026-11-29T18:00:00Z"));
    expect(sunday.today).toEqual({ queue: 1, project: 1 });
    expect(sunday.week).toEqual({ queue: 4, project: 7 });
    const monday = summarizeMyProgress(rows, new Date("2026-11-30T06:00:00Z"));
    expect(monday.week).toEqual({ queue: 0, project: 0 });
    expect(monday.days.map((entry) => entry.project)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });
});
