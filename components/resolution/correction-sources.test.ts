import { describe, expect, it } from "vitest";
import { listCorrectionSources, ORIGINAL_SOURCE_KEY, pickDefaultComparison } from "./correction-sources";

const original = "Refunds take 24 hours.";
const answer = (annotatorId: string, annotatorName: string, correction: string | null) => ({ annotatorId, annotatorName, correction });

describe("listCorrectionSources", () => {
  it("lists the original first, then only the reviewers who corrected, in answer order", () => {
    const sources = listCorrectionSources(original, [answer("u1", "Ana A", "Refunds take a week."), answer("u2", "Ben B", null), answer("u3", "Cy C", "Refunds take 5 days.")]);
    expect(sources).toEqual([
      { key: ORIGINAL_SOURCE_KEY, title: "Original output", name: "the original output", text: original },
      { key: "u1", title: "Ana A's correction", name: "Ana A's correction", text: "Refunds take a week." },
      { key: "u3", title: "Cy C's correction", name: "Cy C's correction", text: "Refunds take 5 days." },
    ]);
  });

  it("keeps two reviewers with the same name apart by their ids, and an empty correction as a correction", () => {
    const sources = listCorrectionSources(original, [answer("u1", "Sam", "One."), answer("u2", "Sam", "")]);
    expect(sources.map((source) => source.key)).toEqual([ORIGINAL_SOURCE_KEY, "u1", "u2"]);
    expect(sources[2]?.text).toBe("");
  });
});

describe("pickDefaultComparison", () => {
  it("compares the first two reviewers who corrected", () => {
    const sources = listCorrectionSources(original, [answer("u1", "Ana A", null), answer("u2", "Ben B", "B."), answer("u3", "Cy C", "C."), answer("u4", "Di D", "D.")]);
    expect(pickDefaultComparison(sources)).toEqual({ fromKey: "u2", toKey: "u3" });
  });

  it("is null with fewer than two corrections", () => {
    expect(pickDefaultComparison(listCorrectionSources(original, []))).toBeNull();
    expect(pickDefaultComparison(listCorrectionSources(original, [answer("u1", "Ana A", "A."), answer("u2", "Ben B", null)]))).toBeNull();
  });
});
