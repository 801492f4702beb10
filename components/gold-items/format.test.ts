import { describe, expect, it } from "vitest";
import { formatAccuracy, formatPercent } from "./format";

describe("gold-check number formats", () => {
  it("writes shares as whole percentages and intervals as a range", () => {
    expect(formatPercent(0.125)).toBe("13 %");
    expect(formatAccuracy({ accuracy: 0.8, lower: 0.6234, upper: 0.9101 })).toBe("80 % (62–91 %)");
  });
});
