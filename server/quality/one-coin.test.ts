import { describe, expect, it } from "vitest";
import { computeAccuracy } from "./accuracy";
import { resolveOneCoin } from "./one-coin";
import { generateSyntheticLabels } from "./synthetic";

describe("resolveOneCoin", () => {
  const synthetic = generateSyntheticLabels({ seed: 11, itemCount: 3000, workerCount: 30, answersPerItem: 5, labelCount: 4 });
  const result = resolveOneCoin(synthetic.data);

  it("estimates one accuracy per worker", () => {
    const k = 4;
    for (let worker = 0; worker < 30; worker += 1) {
      const trueAccuracy = synthetic.confusion[worker * k * k]!;
      expect(Math.abs(result.workerAccuracy[worker]! - trueAccuracy)).toBeLessThan(0.08);
    }
  });

  it("spreads errors evenly in its confusion matrices", () => {
    const k = 4;
    const accuracy = result.workerAccuracy[0]!;
    expect(result.confusion[0]).toBeCloseTo(accuracy, 12);
    expect(result.confusion[1]).toBeCloseTo((1 - accuracy) / 3, 12);
    expect(result.confusion[k + 1]).toBeCloseTo(accuracy, 12);
  });

  it("resolves most items correctly and converges", () => {
    expect(computeAccuracy(result.labels, synthetic.truth).accuracy).toBeGreaterThan(0.9);
    expect(result.isConverged).toBe(true);
  });
});
