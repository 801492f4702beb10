import { describe, expect, it } from "vitest";
import { encodeLabels } from "./encode";
import { bootstrapKrippendorffAlpha, computeKrippendorffAlpha } from "./krippendorff";
import { createReliabilityData, toReliabilityData, type MeasurementLevel } from "./reliability-data";

const parseRow = (row: string) => row.trim().split(/\s+/).map((value) => (value === "." ? null : Number(value)));

// REFERENCE.md A: Krippendorff 2011, 4 coders × 12 units.
const krippendorff2011 = createReliabilityData(
  ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3", ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."].map(parseRow),
);
// REFERENCE.md B: 3 coders × 15 units.
const threeCoders = createReliabilityData(
  [". . . . . 3 4 1 2 1 1 3 3 . 3", "1 . 2 1 3 3 4 3 . . . . . . .", ". . 2 1 3 4 4 . 2 1 1 3 3 . 4"].map(parseRow),
);

describe("computeKrippendorffAlpha", () => {
  it.each<[MeasurementLevel, number]>([
    ["nominal", 0.743421],
    ["ordinal", 0.815388],
    ["interval", 0.849107],
    ["ratio", 0.797403],
  ])("reproduces Krippendorff 2011 at the %s level", (level, expected) => {
    expect(computeKrippendorffAlpha(krippendorff2011, level).alpha).toBeCloseTo(expected, 6);
  });

  it.each<[MeasurementLevel, number]>([
    ["nominal", 0.691358],
    ["interval", 0.810845],
    ["ordinal", 0.806721],
    ["ratio", 0.808944],
  ])("reproduces the 3-coder data at the %s level", (level, expected) => {
    expect(computeKrippendorffAlpha(threeCoders, level).alpha).toBeCloseTo(expected, 6);
  });

  it("reproduces the binary two-coder example", () => {
    const data = createReliabilityData(["0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0"].map(parseRow));
    expect(computeKrippendorffAlpha(data, "nominal").alpha).toBeCloseTo(0.095238, 6);
  });

  it("reproduces the nominal letters example through encoded labels", () => {
    const first = "a a b b d c c c e d d a".split(" ");
    const second = "b a b b b c c c e d d d".split(" ");
    const triples = [first, second].flatMap((row, coder) =>
      row.map((label, unit) => ({ item: `u${unit}`, worker: `c${coder}`, label })),
    );
    const result = computeKrippendorffAlpha(toReliabilityData(encodeLabels(triples), "nominal"), "nominal");
    expect(result.alpha).toBeCloseTo(0.691964, 6);
    expect(result.pairableUnits).toBe(12);
    expect(result.pairableValues).toBe(24);
  });

  it("reproduces nominal α on Fleiss' diagnoses data", () => {
    const patients = "444444 222555 233335 555555 222444 113333 333355 113334 114444 555555 144444 124444 222333 144444 224445 333335 111455 111112 224444 133555 555555 244444 224555 114444 144445 222224 111155 224444 133333 555555".split(" ");
    const rows = [0, 1, 2, 3, 4, 5].map((rater) => patients.map((ratings) => Number(ratings[rater])));
    expect(computeKrippendorffAlpha(createReliabilityData(rows), "nominal").alpha).toBeCloseTo(0.43341, 5);
  });

  it("reports the evidence: pairable units, values and value counts", () => {
    const result = computeKrippendorffAlpha(krippendorff2011, "nominal");
    expect(result.pairableUnits).toBe(11);
    expect(result.pairableValues).toBe(40);
    expect(Array.from(result.values)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(result.valueCounts).reduce((a, b) => a + b, 0)).toBe(40);
    expect(result.alpha).toBeCloseTo(1 - result.observedDisagreement / result.expectedDisagreement, 12);
  });

  it("is NaN when every value is the same", () => {
    expect(computeKrippendorffAlpha(createReliabilityData([[1, 1], [1, 1]]), "nominal").alpha).toBeNaN();
  });

  it("rejects metric levels for non-numeric labels", () => {
    const data = encodeLabels([{ item: "i", worker: "w", label: "cat" }]);
    expect(() => toReliabilityData(data, "interval")).toThrow(RangeError);
  });
});

describe("bootstrapKrippendorffAlpha", () => {
  it("is reproducible for a seed and brackets the point estimate", () => {
    const first = bootstrapKrippendorffAlpha(krippendorff2011, "ordinal", { replicates: 500, seed: 7 });
    const again = bootstrapKrippendorffAlpha(krippendorff2011, "ordinal", { replicates: 500, seed: 7 });
    const other = bootstrapKrippendorffAlpha(krippendorff2011, "ordinal", { replicates: 500, seed: 8 });
    expect(again).toEqual(first);
    expect(other.lower).not.toBe(first.lower);
    expect(first.lower).toBeLessThan(0.815388);
    expect(first.upper).toBeGreaterThan(0.815388);
    expect(first).toMatchObject({ confidence: 0.95, replicates: 500, seed: 7 });
    expect(first.validReplicates).toBeGreaterThan(490);
  });
});
