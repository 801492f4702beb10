import { describe, expect, it } from "vitest";
import { computeFleissKappa } from "./fleiss";
import { bootstrapCohenKappa, fleissFromProfiles } from "./kappa-bootstrap";

const referenceE = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
].flat();

/** Fleiss 1971: one string of six ratings (1–5) per patient, as a patients × 5 count matrix. */
const referenceF = "444444 222555 233335 555555 222444 113333 333355 113334 114444 555555 144444 124444 222333 144444 224445 333335 111455 111112 224444 133555 555555 244444 224555 114444 144445 222224 111155 224444 133333 555555"
  .split(" ")
  .flatMap((ratings) => {
    const counts = [0, 0, 0, 0, 0];
    for (const rating of ratings) counts[Number(rating) - 1]! += 1;
    return counts;
  });

/** Builds two raters' codes from a contingency table (rows rater A, columns rater B). */
function codesFromTable(table: number[][]): { first: Int32Array; second: Int32Array } {
  const first: number[] = [];
  const second: number[] = [];
  table.forEach((row, a) => row.forEach((count, b) => {
    for (let index = 0; index < count; index += 1) {
      first.push(a);
      second.push(b);
    }
  }));
  return { first: Int32Array.from(first), second: Int32Array.from(second) };
}

const anxietyRater2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
const anxietyRater3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];

/** A count matrix as one profile per subject (rows with fewer than two ratings left out), each counted once. */
function toProfiles(counts: number[], categoryCount: number): { profiles: Int32Array[]; weights: Float64Array } {
  const profiles: Int32Array[] = [];
  for (let start = 0; start < counts.length; start += categoryCount) {
    const profile = Int32Array.from(counts.slice(start, start + categoryCount));
    if (profile.reduce((sum, count) => sum + count, 0) >= 2) profiles.push(profile);
  }
  return { profiles, weights: new Float64Array(profiles.length).fill(1) };
}

describe("fleissFromProfiles", () => {
  it("reproduces the reference κ of the 10 × 5 example and of Fleiss 1971", () => {
    const e = toProfiles(referenceE, 5);
    expect(fleissFromProfiles(e.profiles, e.weights, 5)).toBeCloseTo(0.209931, 6);
    const f = toProfiles(referenceF, 5);
    expect(fleissFromProfiles(f.profiles, f.weights, 5)).toBeCloseTo(0.4302445, 7);
  });

  it("agrees with computeFleissKappa when subjects have different numbers of raters, and weights repeat subjects", () => {
    const counts = [2, 1, 0, 0, 3, 0, 1, 1, 1, 4, 0, 0, 1, 0, 0];
    const { profiles, weights } = toProfiles(counts, 3);
    expect(fleissFromProfiles(profiles, weights, 3)).toBeCloseTo(computeFleissKappa(counts, 3).kappa, 12);
    const doubled = [...counts, ...counts];
    expect(fleissFromProfiles(profiles, weights.map(() => 2), 3)).toBeCloseTo(computeFleissKappa(doubled, 3).kappa, 12);
  });
});

describe("bootstrapCohenKappa", () => {
  it("reproduces the reference κ of 2 × 2 and 3 × 3 tables", () => {
    const twoByTwo = codesFromTable([[20, 5], [10, 15]]);
    expect(bootstrapCohenKappa(twoByTwo.first, twoByTwo.second, 2, { replicates: 10 }).kappa).toBeCloseTo(0.4, 10);
    const threeByThree = codesFromTable([[0, 4, 1], [0, 8, 0], [0, 1, 5]]);
    expect(bootstrapCohenKappa(threeByThree.first, threeByThree.second, 3, { replicates: 10 }).kappa).toBeCloseTo(0.4842, 4);
  });

  it("reproduces the anxiety data's unweighted κ", () => {
    const result = bootstrapCohenKappa(Int32Array.from(anxietyRater2, (rating) => rating - 1), Int32Array.from(anxietyRater3, (rating) => rating - 1), 6, { replicates: 200 });
    expect(result.kappa).toBeCloseTo(-0.006289308, 8);
    expect(result.interval.lower).toBeLessThan(result.kappa);
    expect(result.interval.upper).toBeGreaterThan(result.kappa);
    const again = bootstrapCohenKappa(Int32Array.from(anxietyRater2, (rating) => rating - 1), Int32Array.from(anxietyRater3, (rating) => rating - 1), 6, { replicates: 200 });
    expect(again.interval).toEqual(result.interval);
  });

  it("is 1 with a degenerate interval when the raters always agree, and NaN without subjects", () => {
    const agree = codesFromTable([[6, 0], [0, 4]]);
    const result = bootstrapCohenKappa(agree.first, agree.second, 2, { replicates: 50 });
    expect(result.kappa).toBe(1);
    expect([result.interval.lower, result.interval.upper]).toEqual([1, 1]);
    expect(bootstrapCohenKappa(new Int32Array(0), new Int32Array(0), 2).kappa).toBeNaN();
  });
});
