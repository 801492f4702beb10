import { describe, expect, it } from "vitest";
import { computeAccuracy, computeWorkerAgreement } from "./accuracy";
import { encodeLabels, NO_LABEL } from "./encode";

describe("computeAccuracy", () => {
  it("scores referenced items only and counts unresolved predictions as wrong", () => {
    const result = computeAccuracy(Int32Array.from([0, 1, NO_LABEL, 1]), Int32Array.from([0, 0, 1, NO_LABEL]));
    expect(result).toEqual({ accuracy: 1 / 3, correct: 1, total: 3 });
    expect(computeAccuracy(new Int32Array(1), Int32Array.from([NO_LABEL])).accuracy).toBeNaN();
  });
});

describe("computeWorkerAgreement", () => {
  it("measures each worker against consensus or gold", () => {
    const data = encodeLabels([
      { item: "a", worker: "w1", label: "x" },
      { item: "b", worker: "w1", label: "y" },
      { item: "a", worker: "w2", label: "y" },
      { item: "c", worker: "w3", label: "y" },
    ]);
    const gold = Int32Array.from([0, 1, NO_LABEL]);
    const result = computeWorkerAgreement(data, gold);
    expect(Array.from(result.matches)).toEqual([2, 0, 0]);
    expect(Array.from(result.compared)).toEqual([2, 1, 0]);
    expect(result.agreement[0]).toBe(1);
    expect(result.agreement[1]).toBe(0);
    expect(result.agreement[2]).toBeNaN();
  });
});
