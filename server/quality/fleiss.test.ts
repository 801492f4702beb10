import { describe, expect, it } from "vitest";
import { encodeLabels } from "./encode";
import { computeFleissKappa, computeFleissKappaFromLabels } from "./fleiss";

describe("computeFleissKappa", () => {
  it("reproduces the 10 × 5 example with P̄ and P̄e", () => {
    const counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ].flat();
    const result = computeFleissKappa(counts, 5);
    expect(result.kappa).toBeCloseTo(0.209931, 6);
    expect(result.observedAgreement).toBeCloseTo(0.378, 3);
    expect(result.expectedAgreement).toBeCloseTo(0.2128, 4);
    expect(result.subjects).toBe(10);
    expect(result.subjectAgreement[0]).toBe(1);
  });

  it("reproduces Fleiss 1971 from triples", () => {
    const patients = "444444 222555 233335 555555 222444 113333 333355 113334 114444 555555 144444 124444 222333 144444 224445 333335 111455 111112 224444 133555 555555 244444 224555 114444 144445 222224 111155 224444 133333 555555".split(" ");
    const triples = patients.flatMap((ratings, patient) =>
      [...ratings].map((label, rater) => ({ item: `p${patient}`, worker: `r${rater}`, label })),
    );
    const result = computeFleissKappaFromLabels(encodeLabels(triples));
    expect(result.kappa).toBeCloseTo(0.4302445, 7);
    expect(result.subjects).toBe(30);
  });

  it("skips subjects with fewer than two ratings and is NaN without variation", () => {
    expect(computeFleissKappa([3, 0, 1, 0], 2).subjects).toBe(1);
    expect(computeFleissKappa([3, 0, 2, 0], 2).kappa).toBeNaN();
  });
});
