import { describe, expect, it } from "vitest";
import { encodeLabels } from "./encode";
import { findMedoid, measureEditDistance, measureNormalisedEditDistance, resolveMedoids } from "./medoid";

describe("edit distance", () => {
  it("counts insertions, deletions and substitutions over code points", () => {
    expect(measureEditDistance("kitten", "sitting")).toBe(3);
    expect(measureEditDistance("", "abc")).toBe(3);
    expect(measureEditDistance("a😀b", "ab")).toBe(1);
    expect(measureNormalisedEditDistance("kitten", "sitting")).toBeCloseTo(3 / 7, 12);
    expect(measureNormalisedEditDistance("", "")).toBe(0);
  });
});

describe("findMedoid", () => {
  it("picks the answer closest to the others, with its distance to each", () => {
    const medoid = findMedoid(["The cat sat.", "The cat sat", "the cat sat.", "A dog ran."]);
    expect(medoid.text).toBe("The cat sat.");
    expect(medoid.index).toBe(0);
    expect(medoid.distances[0]).toBe(0);
    expect(medoid.distances[1]).toBeCloseTo(1 / 12, 12);
    expect(medoid.meanDistance).toBeCloseTo(Array.from(medoid.distances).reduce((a, b) => a + b, 0) / 4, 12);
  });

  it("breaks ties by text, not by answer order", () => {
    expect(findMedoid(["b", "a"]).text).toBe("a");
    expect(findMedoid(["a", "b"]).text).toBe("a");
    expect(() => findMedoid([])).toThrow(RangeError);
  });
});

describe("resolveMedoids", () => {
  it("resolves each item and scores every answer against its item's medoid", () => {
    const data = encodeLabels([
      { item: "x", worker: "w1", label: "colour" },
      { item: "y", worker: "w1", label: "solo" },
      { item: "x", worker: "w2", label: "color" },
      { item: "x", worker: "w3", label: "colour" },
    ]);
    const result = resolveMedoids(data);
    expect(data.labelIds[result.labels[0]!]).toBe("colour");
    expect(data.labelIds[result.labels[1]!]).toBe("solo");
    expect(Array.from(result.answerDistances)).toEqual([0, 0, 1 / 6, 0]);
    expect(result.meanDistance[0]).toBeCloseTo(1 / 18, 12);
  });
});
