import { describe, expect, it } from "vitest";
import { encodeLabels } from "./encode";
import { resolveNumeric } from "./numeric";

const scores = [1, 2, 3, 4, 100, 7, 9];
const data = encodeLabels([
  ...scores.map((score, worker) => ({ item: "a", worker: `w${worker}`, label: String(score) })),
  { item: "b", worker: "w0", label: "2.5" },
  { item: "b", worker: "w1", label: "-1" },
]);

describe("resolveNumeric", () => {
  it("computes mean, median and trimmed mean per item", () => {
    expect(resolveNumeric(data, { method: "mean" }).values[0]).toBeCloseTo(126 / 7, 12);
    expect(resolveNumeric(data, { method: "median" }).values[0]).toBe(4);
    expect(resolveNumeric(data, { method: "median" }).values[1]).toBe(0.75);
    // floor(7 × 0.2) = 1 answer cut from each end: mean of 2, 3, 4, 7, 9.
    expect(resolveNumeric(data, { method: "trimmed-mean", trim: 0.2 }).values[0]).toBe(5);
    expect(resolveNumeric(data, { method: "trimmed-mean" }).values[0]).toBeCloseTo(126 / 7, 12);
  });

  it("reports counts and range per item", () => {
    const result = resolveNumeric(data, { method: "mean" });
    expect(Array.from(result.counts)).toEqual([7, 2]);
    expect(Array.from(result.minimum)).toEqual([1, -1]);
    expect(Array.from(result.maximum)).toEqual([100, 2.5]);
  });

  it("rejects non-numeric labels and a bad trim", () => {
    expect(() => resolveNumeric(encodeLabels([{ item: "a", worker: "w", label: "x" }]), { method: "mean" })).toThrow(RangeError);
    expect(() => resolveNumeric(data, { method: "trimmed-mean", trim: 0.5 })).toThrow(RangeError);
  });
});
