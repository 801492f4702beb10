import { describe, expect, it } from "vitest";
import { computeWilsonInterval } from "./wilson";

describe("computeWilsonInterval", () => {
  it("matches the closed form", () => {
    const result = computeWilsonInterval(81, 263);
    const p = 81 / 263;
    const z = 1.959963984540054;
    const center = (p + (z * z) / (2 * 263)) / (1 + (z * z) / 263);
    const margin = (z * Math.sqrt((p * (1 - p)) / 263 + (z * z) / (4 * 263 * 263))) / (1 + (z * z) / 263);
    expect(result.lower).toBeCloseTo(center - margin, 12);
    expect(result.upper).toBeCloseTo(center + margin, 12);
    expect(result.lower).toBeCloseTo(0.2553, 4);
    expect(result.upper).toBeCloseTo(0.3662, 4);
  });

  it("stays inside [0, 1] at the edges", () => {
    const none = computeWilsonInterval(0, 10);
    expect(none.lower).toBe(0);
    expect(none.upper).toBeCloseTo(0.2775, 4);
    expect(computeWilsonInterval(10, 10).upper).toBeCloseTo(1, 12);
    expect(computeWilsonInterval(0, 0)).toMatchObject({ lower: 0, upper: 1 });
    expect(() => computeWilsonInterval(3, 2)).toThrow(RangeError);
  });
});
