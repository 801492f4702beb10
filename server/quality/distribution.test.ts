import { describe, expect, it } from "vitest";
import {
  classifyPsi,
  computeHellingerDistance,
  computeJensenShannonDistance,
  computeKlDivergence,
  computePsi,
} from "./distribution";

const reference = [0.25, 0.25, 0.25, 0.25];
const current = [0.4, 0.3, 0.2, 0.1];

describe("distribution distances", () => {
  it("reproduces PSI, KL, Jensen–Shannon and Hellinger", () => {
    expect(computePsi(reference, current).psi).toBeCloseTo(0.228217, 6);
    expect(computeKlDivergence(current, reference)).toBeCloseTo(0.10644, 6);
    expect(computeKlDivergence(reference, current)).toBeCloseTo(0.121777, 6);
    expect(computeJensenShannonDistance(current, reference)).toBeCloseTo(0.16693, 6);
    expect(computeJensenShannonDistance(current, reference, 2)).toBeCloseTo(0.200503, 6);
    expect(computeHellingerDistance(current, reference)).toBeCloseTo(0.1679, 6);
  });

  it("applies the 0.0001 zero-bin rule and reports the bins compared", () => {
    const result = computePsi([0.5, 0.5, 0], [0.45, 0.45, 0.1]);
    expect(result.psi).toBeCloseTo(0.700621, 6);
    expect(result.band).toBe("significant");
    expect(result.bins[2]).toMatchObject({ expected: 0.0001, actual: 0.1 });
    expect(result.bins.reduce((sum, bin) => sum + bin.contribution, 0)).toBeCloseTo(result.psi, 12);
  });

  it("accepts counts as well as proportions", () => {
    expect(computePsi([25, 25, 25, 25], [40, 30, 20, 10]).psi).toBeCloseTo(0.228217, 6);
    expect(computeHellingerDistance([1, 1, 1, 1], [4, 3, 2, 1])).toBeCloseTo(0.1679, 6);
  });

  it("bands PSI: below 0.1 stable, up to 0.25 moderate, above significant", () => {
    expect(classifyPsi(0.0999)).toBe("stable");
    expect(classifyPsi(0.1)).toBe("moderate");
    expect(classifyPsi(0.25)).toBe("moderate");
    expect(classifyPsi(0.2501)).toBe("significant");
    expect(computePsi(reference, current).band).toBe("moderate");
  });

  it("handles empty bins: KL is infinite, JS stays bounded", () => {
    expect(computeKlDivergence([0.5, 0.5], [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(computeJensenShannonDistance([1, 0], [0, 1], 2)).toBeCloseTo(1, 12);
    expect(computeHellingerDistance([1, 0], [0, 1])).toBeCloseTo(1, 12);
  });

  it("rejects mismatched bins and empty distributions", () => {
    expect(() => computePsi([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => computeKlDivergence([0, 0], [1, 1])).toThrow(RangeError);
  });
});
