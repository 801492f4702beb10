import { describe, expect, it } from "vitest";
import { colorForKappa, textColorForKappa } from "./kappa-color";

describe("colorForKappa", () => {
  it("deepens gold with agreement, turns red below chance and grey without a value", () => {
    expect(colorForKappa(null)).toBe("#f4f4f5");
    expect(colorForKappa(0)).toBe("rgba(202, 138, 4, 0.05)");
    expect(colorForKappa(1)).toBe("rgba(202, 138, 4, 0.80)");
    expect(colorForKappa(-0.5)).toBe("rgba(220, 38, 38, 0.45)");
    expect([textColorForKappa(0.9), textColorForKappa(0.2), textColorForKappa(null)]).toEqual(["#ffffff", "#27272a", "#27272a"]);
  });
});
