import { describe, expect, it } from "vitest";
import { fillDailySeries, startOfWindow } from "./daily-series";

const now = new Date("2026-11-29T15:30:00Z");

describe("daily series", () => {
  it("starts the window days − 1 UTC days before today's midnight", () => {
    expect(startOfWindow(now, 30).toISOString()).toBe("2026-10-31T00:00:00.000Z");
    expect(startOfWindow(now, 1).toISOString()).toBe("2026-11-29T00:00:00.000Z");
  });

  it("puts each count on its day and zero on the days between, oldest first", () => {
    const series = fillDailySeries(
      [
        { day: new Date("2026-11-27T00:00:00Z"), answers: 4 },
        { day: new Date("2026-11-29T00:00:00Z"), answers: 2 },
      ],
      now,
      3,
    );
    expect(series.map((entry) => [entry.day.toISOString().slice(0, 10), entry.answers])).toEqual([
      ["2026-11-27", 4],
      ["2026-11-28", 0],
      ["2026-11-29", 2],
    ]);
  });
});
