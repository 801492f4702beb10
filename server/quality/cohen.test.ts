import { describe, expect, it } from "vitest";
import { computeCohenKappa, computeCohenKappaFromLabels, computeCohenKappaFromRatings } from "./cohen";
import { encodeLabels } from "./encode";

const rater2 = "3 6 4 6 2 4 2 4 3 3 2 3 3 3 2 2 1 3 3 4".split(" ").map(Number);
const rater3 = "2 1 4 4 3 2 1 6 1 1 1 2 3 3 1 1 3 3 2 2".split(" ").map(Number);
const threeByThree = [[0, 4, 1], [0, 8, 0], [0, 1, 5]];

describe("computeCohenKappa", () => {
  it("reproduces the 2 × 2 tables", () => {
    expect(computeCohenKappa([[20, 5], [10, 15]]).kappa).toBeCloseTo(0.4, 6);
    expect(computeCohenKappa([[45, 15], [25, 15]]).kappa).toBeCloseTo(0.1304, 4);
    expect(computeCohenKappa([[25, 35], [5, 35]]).kappa).toBeCloseTo(0.2593, 4);
  });

  it("reproduces the 3 × 3 table unweighted, linear and quadratic", () => {
    expect(computeCohenKappa(threeByThree, "none").kappa).toBeCloseTo(0.4842, 4);
    expect(computeCohenKappa(threeByThree, "linear").kappa).toBeCloseTo(0.4701, 4);
    expect(computeCohenKappa(threeByThree, "quadratic").kappa).toBeCloseTo(0.4502, 4);
  });

  it("reports observed and expected disagreement", () => {
    const result = computeCohenKappa([[20, 5], [10, 15]]);
    expect(result.observedDisagreement).toBeCloseTo(0.3, 12);
    expect(result.expectedDisagreement).toBeCloseTo(0.5, 12);
    expect(result.pairs).toBe(50);
  });
});

describe("computeCohenKappaFromRatings", () => {
  it("reproduces the anxiety data over the ranks of the levels that occur", () => {
    expect(computeCohenKappaFromRatings(rater2, rater3).kappa).toBeCloseTo(-0.006289308, 9);
    expect(computeCohenKappaFromRatings(rater2, rater3, { weights: "linear" }).kappa).toBeCloseTo(0.1459075, 7);
    expect(computeCohenKappaFromRatings(rater2, rater3, { weights: "quadratic" }).kappa).toBeCloseTo(0.2520325, 7);
  });

  it("reproduces the anxiety data over the raw values", () => {
    const options = { scale: "values" } as const;
    expect(computeCohenKappaFromRatings(rater2, rater3, { ...options, weights: "linear" }).kappa).toBeCloseTo(0.1262, 4);
    expect(computeCohenKappaFromRatings(rater2, rater3, { ...options, weights: "quadratic" }).kappa).toBeCloseTo(0.2298, 4);
  });

  it("lists the levels that occur and skips missing ratings", () => {
    const result = computeCohenKappaFromRatings(["b", "a", null, "c"], ["b", "a", "a", null]);
    expect(result.levels).toEqual(["a", "b"]);
    expect(result.pairs).toBe(2);
    expect(result.kappa).toBe(1);
    expect(() => computeCohenKappaFromRatings(["a"], ["b"], { scale: "values" })).toThrow(RangeError);
  });
});

describe("computeCohenKappaFromLabels", () => {
  it("pairs the two workers on the items both labelled", () => {
    const triples = rater2.flatMap((rating, subject) => [
      { item: `s${subject}`, worker: "r2", label: String(rating) },
      { item: `s${subject}`, worker: "r3", label: String(rater3[subject]) },
    ]);
    triples.push({ item: "extra", worker: "r2", label: "5" });
    const result = computeCohenKappaFromLabels(encodeLabels(triples), { weights: "linear" });
    expect(result.kappa).toBeCloseTo(0.1459075, 7);
    expect(result.pairs).toBe(20);
  });

  it("needs exactly two workers", () => {
    const data = encodeLabels([{ item: "i", worker: "a", label: "1" }]);
    expect(() => computeCohenKappaFromLabels(data)).toThrow(/exactly two workers, found 1/);
  });
});
