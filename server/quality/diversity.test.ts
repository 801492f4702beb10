import { describe, expect, it } from "vitest";
import { computeDistinctN, computeDuplicateRate } from "./diversity";

const texts = ["the cat sat", "the cat ran", "a dog sat"];

describe("computeDistinctN", () => {
  it("reproduces distinct-1 and distinct-2", () => {
    expect(computeDistinctN(texts, 1)).toEqual({ value: 6 / 9, count: 6, total: 9 });
    expect(computeDistinctN(texts, 2)).toEqual({ value: 5 / 6, count: 5, total: 6 });
  });

  it("is NaN when no text is long enough", () => {
    expect(computeDistinctN(["one"], 2).value).toBeNaN();
    expect(() => computeDistinctN(texts, 0)).toThrow(RangeError);
  });
});

describe("computeDuplicateRate", () => {
  it("counts texts that repeat an earlier one", () => {
    expect(computeDuplicateRate(["a", "b", "a", "a"])).toEqual({ value: 0.5, count: 2, total: 4 });
    expect(computeDuplicateRate([]).value).toBeNaN();
  });
});
