import { describe, expect, it } from "vitest";
import { buildSamplingRule } from "@/server/queues/schema";
import { describeSamplingRule, formatPercent } from "./sampling-rule-summary";

const everything = buildSamplingRule({ rate: 1 });

describe("sampling rule in words", () => {
  it("says what a rule takes", () => {
    expect(describeSamplingRule(everything)).toBe("Takes every output.");
    expect(describeSamplingRule({ ...everything, models: ["a", "b", "c"], tags: ["billing"], rate: 0.05 })).toBe(
      "Takes 5% of outputs from a, b or c, tagged billing.",
    );
    expect(describeSamplingRule({ ...everything, metadata: { locale: "en", tier: 2 }, signals: ["thumbs_down"] })).toBe(
      'Takes outputs with metadata locale = "en" and tier = 2, with a thumbs_down signal.',
    );
    expect(describeSamplingRule({ ...everything, rate: 0 })).toBe("Takes nothing: the rate is 0 (filter: every output).");
  });

  it("formats shares without float noise", () => {
    expect(formatPercent(0.07)).toBe("7%");
    expect(formatPercent(0.005)).toBe("0.5%");
    expect(formatPercent(0.333)).toBe("33.3%");
  });
});
