import { describe, expect, it } from "vitest";
import { encodeLabels, NO_LABEL } from "./encode";
import { resolveMajorityVote, resolveWeightedMajorityVote } from "./majority-vote";

const answers = (rows: string[]) =>
  encodeLabels(
    rows.map((row) => {
      const [item, worker, label] = row.split(",") as [string, string, string];
      return { item, worker, label };
    }),
  );

const data = answers(["a,w1,cat", "a,w2,dog", "a,w3,dog", "b,w1,dog", "b,w2,cat", "c,w3,emu"]);

describe("resolveMajorityVote", () => {
  it("picks the most frequent label, with counts and vote share", () => {
    const result = resolveMajorityVote(data);
    expect(data.labelIds).toEqual(["cat", "dog", "emu"]);
    expect(Array.from(result.labels)).toEqual([1, 0, 2]);
    expect(result.confidence[0]).toBeCloseTo(2 / 3, 12);
    expect(Array.from(result.counts.subarray(0, 3))).toEqual([1, 2, 0]);
  });

  it("breaks ties towards the lowest label and flags them", () => {
    const result = resolveMajorityVote(data);
    expect(result.labels[1]).toBe(0);
    expect(Array.from(result.isTied)).toEqual([0, 1, 0]);
    expect(result.tieCount).toBe(1);
    expect(result.confidence[1]).toBe(0.5);
  });

  it("leaves ties unresolved when asked to report them", () => {
    const result = resolveMajorityVote(data, { tieRule: "report" });
    expect(Array.from(result.labels)).toEqual([1, NO_LABEL, 2]);
  });

  it("uses numeric order for the lowest label when labels are numbers", () => {
    const numeric = answers(["a,w1,10", "a,w2,9"]);
    expect(numeric.labelIds[resolveMajorityVote(numeric).labels[0]!]).toBe("9");
  });
});

describe("resolveWeightedMajorityVote", () => {
  it("weighs each answer by its worker", () => {
    const result = resolveWeightedMajorityVote(data, Float64Array.from([3, 1, 1]));
    expect(Array.from(result.labels)).toEqual([0, 1, 2]);
    expect(result.confidence[0]).toBeCloseTo(0.6, 12);
    expect(result.scores[0]).toBe(3);
  });

  it("only lets labels the item received win, even with zero weights", () => {
    const result = resolveWeightedMajorityVote(data, Float64Array.from([0, 0, 0]));
    expect(data.labelIds[result.labels[2]!]).toBe("emu");
    expect(result.confidence[2]).toBe(0);
    expect(() => resolveWeightedMajorityVote(data, new Float64Array(2))).toThrow(RangeError);
  });
});
