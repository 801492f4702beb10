import { describe, expect, it } from "vitest";
import { countVotes, nearUnanimousShare, resolveCorrections, resolveLabels } from "./rules";

describe("resolveLabels", () => {
  it("makes equal votes unanimous gold with confidence 1", () => {
    expect(resolveLabels(["helpful", "helpful", "helpful"], 0.6)).toMatchObject({ kind: "gold", method: "unanimous", value: "helpful", confidence: 1 });
    expect(resolveLabels(["harmful"], 0.9)).toMatchObject({ kind: "gold", method: "unanimous", value: "harmful", confidence: 1 });
  });

  it("makes a share at or above the threshold majority gold with the share as confidence", () => {
    const resolved = resolveLabels(["helpful", "harmful", "helpful"], 0.6);
    expect(resolved).toMatchObject({ kind: "gold", method: "majority", value: "helpful" });
    expect(resolved.kind === "gold" && resolved.confidence).toBeCloseTo(2 / 3);
    expect(resolveLabels(["a", "a", "b"], 2 / 3)).toMatchObject({ kind: "gold", method: "majority" });
    expect(resolveLabels(["a", "a", "a", "b", "c"], 0.6)).toMatchObject({ kind: "gold", value: "a", confidence: 0.6 });
  });

  it("reports a split below the threshold as a conflict that names the counts", () => {
    expect(resolveLabels(["helpful", "harmful"], 0.6)).toEqual({
      kind: "conflict",
      reason: "labels split: harmful 1, helpful 1",
      counts: [{ value: "harmful", count: 1 }, { value: "helpful", count: 1 }],
    });
    expect(resolveLabels(["a", "a", "b"], 0.7)).toMatchObject({ kind: "conflict", reason: "labels split: a 2, b 1" });
    expect(resolveLabels(["a", "b", "c"], 0.51)).toMatchObject({ kind: "conflict" });
  });

  it("refuses to resolve nothing", () => {
    expect(() => resolveLabels([], 0.6)).toThrow(RangeError);
  });
});

describe("countVotes", () => {
  it("orders by count, then by value", () => {
    expect(countVotes(["b", "a", "c", "c"])).toEqual([{ value: "c", count: 2 }, { value: "a", count: 1 }, { value: "b", count: 1 }]);
  });
});

describe("resolveCorrections", () => {
  it("agrees when every correction is the same text, whitespace aside, keeping the first as typed", () => {
    expect(resolveCorrections(["Refunds take 5 days.\n", "Refunds  take 5 days.", " Refunds take\t5 days."])).toEqual({
      kind: "agreed",
      correction: "Refunds take 5 days.\n",
      confidence: 1,
    });
  });

  it("agrees on null when nobody changed the text", () => {
    expect(resolveCorrections([null, null, null])).toEqual({ kind: "agreed", correction: null, confidence: 1 });
  });

  it("is a conflict when texts differ, or when some changed the text and others did not", () => {
    expect(resolveCorrections(["Refunds take 5 days.", "Refunds take 7 days."])).toEqual({ kind: "conflict", reason: "corrections differ" });
    expect(resolveCorrections([null, "Refunds take 5 days."])).toEqual({ kind: "conflict", reason: "some reviewers corrected the output and some left it unchanged" });
  });

  const medoid = { rule: "medoid", maxDistance: 0.2 } as const;
  it("medoid: the correction closest to the others is gold when all lie within the distance, confidence 1 − mean distance", () => {
    const corrections = ["Refunds reach your card in 5 to 7 days.", "Refunds reach your card in 5-7 days.", "Refunds reach your card within 5 to 7 days."];
    const agreed = resolveCorrections(corrections, medoid);
    expect(agreed).toMatchObject({ kind: "agreed", correction: corrections[0] });
    expect(agreed.kind === "agreed" && agreed.confidence).toBeGreaterThan(0.9);
    expect(resolveCorrections(["Refunds take 5 days.", "Refunds take 7 days."], medoid)).toMatchObject({ kind: "agreed", correction: "Refunds take 5 days." });
  });

  it("medoid: a correction too far from the medoid is a conflict naming the distance; null still agrees only with null", () => {
    expect(resolveCorrections(["Refunds take 5 days.", "Your bank is at fault."], medoid)).toEqual({ kind: "conflict", reason: "corrections differ: more than 20 % of the text apart" });
    expect(resolveCorrections(["Refunds take five days now.", "Refunds take five days.", "Refund takes 5 days now"], { rule: "medoid", maxDistance: 0.15 })).toEqual({
      kind: "conflict",
      reason: "corrections differ: more than 15 % of the text apart",
    });
    expect(resolveCorrections([null, "Refunds take 5 days."], medoid)).toMatchObject({ kind: "conflict" });
    // Long documents are diffed by words, so they cost little; a word replaced counts its characters once.
    const chapter = Array.from({ length: 20_000 }, (_, index) => `word${index}`).join(" ");
    expect(resolveCorrections([chapter, chapter.replace("word7 ", "")], medoid)).toMatchObject({ kind: "agreed", correction: chapter });
    expect(resolveCorrections([chapter, chapter.replaceAll("1", "one")], medoid)).toEqual({ kind: "conflict", reason: "corrections differ: more than 20 % of the text apart" });
  });
});

describe("nearUnanimousShare", () => {
  it("is the share of a (k−1)-to-1 split", () => {
    expect(nearUnanimousShare(3)).toBeCloseTo(2 / 3, 12);
    expect(nearUnanimousShare(4)).toBe(0.75);
    expect(nearUnanimousShare(1)).toBe(0);
  });
});
