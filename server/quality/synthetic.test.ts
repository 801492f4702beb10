import { describe, expect, it } from "vitest";
import { findDuplicateAnswer } from "./encode";
import { generateSyntheticLabels } from "./synthetic";

describe("generateSyntheticLabels", () => {
  const options = { seed: 5, itemCount: 500, workerCount: 8, answersPerItem: 4, labelCount: 3 };

  it("is reproducible and gives each item distinct workers", () => {
    const first = generateSyntheticLabels(options);
    expect(generateSyntheticLabels(options)).toEqual(first);
    expect(first.data.items.length).toBe(2000);
    expect(findDuplicateAnswer(first.data)).toBe(-1);
  });

  it("follows the skewed priors and the workers' confusion", () => {
    const { data, truth, confusion } = generateSyntheticLabels({ ...options, itemCount: 20_000 });
    const shareOfFirst = truth.filter((label) => label === 0).length / truth.length;
    expect(shareOfFirst).toBeCloseTo(3 / 6, 1);
    let correct = 0;
    let expected = 0;
    data.labels.forEach((label, index) => {
      const trueLabel = truth[data.items[index]!]!;
      if (label === trueLabel) correct += 1;
      expected += confusion[(data.workers[index]! * 3 + trueLabel) * 3 + trueLabel]!;
    });
    expect(correct / data.labels.length).toBeCloseTo(expected / data.labels.length, 2);
  });

  it("rejects more answers per item than workers", () => {
    expect(() => generateSyntheticLabels({ ...options, answersPerItem: 9 })).toThrow(RangeError);
  });
});
