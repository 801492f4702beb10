import { describe, expect, it } from "vitest";
import { formatMoment } from "./date-format";

describe("date format", () => {
  const moment = new Date("2026-11-29T14:05:09Z");

  it("writes days and times one way, in the reader's zone", () => {
    expect(formatMoment(moment, "date", { locale: "en-US", timeZone: "UTC" })).toBe("Nov 29, 2026");
    expect(formatMoment(moment, "dateTime", { locale: "en-US", timeZone: "UTC" })).toBe("Nov 29, 2026, 2:05 PM");
    expect(formatMoment(moment, "dateTime", { locale: "en-US", timeZone: "Pacific/Auckland" })).toBe("Nov 30, 2026, 3:05 AM");
  });

  it("follows the reader's locale", () => {
    expect(formatMoment(moment, "date", { locale: "en-GB", timeZone: "UTC" })).toBe("29 Nov 2026");
  });

  it("gives the exact moment with its zone for hover text", () => {
    expect(formatMoment(moment, "full", { locale: "en-US", timeZone: "UTC" })).toBe("Sunday, November 29, 2026 at 2:05:09 PM UTC");
  });
});
