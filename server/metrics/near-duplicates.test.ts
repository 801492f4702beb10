import { describe, expect, it } from "vitest";
import { countNearDuplicates, wordShingles } from "./near-duplicates";

describe("near duplicates", () => {
  it("shingles words in threes, lower-cased, and keeps a short text whole", () => {
    expect([...wordShingles("Refunds Take five  days")]).toEqual(["refunds take five", "take five days"]);
    expect([...wordShingles("Hi there")]).toEqual(["hi there"]);
    expect(wordShingles("   ").size).toBe(0);
  });

  it("counts texts at least 0.8 similar to an earlier one, once each", () => {
    const base = "one two three four five six seven eight nine ten eleven twelve";
    // 10 shingles each: changing the last word keeps 9 of 11 distinct ones (0.82), changing the sixth 7 of 13 (0.54).
    const nearlySame = "one two three four five six seven eight nine ten eleven thirteen";
    const different = "one two three four five SIX-X seven eight nine ten eleven twelve";
    expect(countNearDuplicates([base, nearlySame])).toBe(1);
    expect(countNearDuplicates([base, different])).toBe(0);
    expect(countNearDuplicates([base, base, base])).toBe(2);
    expect(countNearDuplicates(["", "", "a b"])).toBe(1);
  });

  it("honours the threshold", () => {
    expect(countNearDuplicates(["a b c d", "a b c e"], 0.3)).toBe(1);
    expect(countNearDuplicates(["a b c d", "a b c e"], 0.4)).toBe(0);
  });
});
