import { describe, expect, it } from "vitest";
import { describeAgreement, formatInterval, formatShare, formatStatistic } from "./estimate-format";

describe("estimate formatting", () => {
  it("shows a statistic and its interval to two decimals, and a dash when undefined", () => {
    expect(formatStatistic({ value: 0.6234, lower: 0.55, upper: 0.701 })).toBe("0.62");
    expect(formatInterval({ value: 0.6234, lower: 0.55, upper: 0.701 })).toBe("0.55 – 0.70");
    expect(formatStatistic({ value: null, lower: null, upper: null })).toBe("—");
    expect(formatInterval({ value: 1, lower: null, upper: null })).toBe("");
    expect(formatShare(0.625)).toBe("62.5 %");
    expect(formatShare(null)).toBe("—");
  });

  it("names the Landis–Koch band of a value", () => {
    expect([-0.1, 0.1, 0.3, 0.5, 0.7, 0.9, null].map(describeAgreement)).toEqual(["worse than chance", "slight", "fair", "moderate", "substantial", "almost perfect", "not enough data"]);
  });
});
