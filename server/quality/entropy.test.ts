import { describe, expect, it } from "vitest";
import { computeEntropy } from "./entropy";

describe("computeEntropy", () => {
  it("reproduces entropy, normalised entropy and effective classes", () => {
    const result = computeEntropy([0.4, 0.3, 0.2, 0.1]);
    expect(result.entropy).toBeCloseTo(1.279854, 6);
    expect(result.normalisedEntropy).toBeCloseTo(0.92322, 6);
    expect(result.effectiveClasses).toBeCloseTo(3.596115, 6);
  });

  it("treats empty bins as contributing nothing", () => {
    expect(computeEntropy([5, 0]).entropy).toBe(0);
    expect(computeEntropy([1, 1]).effectiveClasses).toBeCloseTo(2, 12);
    expect(computeEntropy([3]).normalisedEntropy).toBeNaN();
  });
});
