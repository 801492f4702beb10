import { describe, expect, it } from "vitest";
import { summarizeThroughput } from "./throughput-summary";

const day = (date: number, answers: number) => ({ day: new Date(Date.UTC(2026, 10, date)), answers });

describe("throughput summary", () => {
  it("names the total and the busiest day", () => {
    expect(summarizeThroughput([day(27, 2), day(28, 5), day(29, 1)])).toBe("8 counted answers in the last 3 days; busiest day Nov 28 with 5");
  });

  it("says when there were no answers", () => {
    expect(summarizeThroughput([day(28, 0), day(29, 0)])).toBe("No counted answers in the last 2 days");
  });
});
