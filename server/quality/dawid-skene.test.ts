import { describe, expect, it } from "vitest";
import { computeAccuracy } from "./accuracy";
import { resolveDawidSkene } from "./dawid-skene";
import { encodeLabels, NO_LABEL, type EncodedLabels } from "./encode";
import { resolveMajorityVote } from "./majority-vote";
import { generateSyntheticLabels } from "./synthetic";

const synthetic = generateSyntheticLabels({
  seed: 3,
  itemCount: 3000,
  workerCount: 40,
  answersPerItem: 5,
  labelCount: 3,
  accuracyRange: [0.4, 0.9],
});

/** log L written the slow, obvious way: per item, log Σ_t prior_t Π_answers confusion[w][t][given]. */
function computeMarginalLogLikelihood(data: EncodedLabels, priors: Float64Array, confusion: Float64Array): number {
  const k = priors.length;
  const perItem = data.itemIds.map(() => Array.from(priors));
  data.items.forEach((item, index) => {
    for (let truth = 0; truth < k; truth += 1) {
      perItem[item]![truth]! *= confusion[(data.workers[index]! * k + truth) * k + data.labels[index]!]!;
    }
  });
  return perItem.reduce((sum, row) => sum + Math.log(row.reduce((a, b) => a + b, 0)), 0);
}

describe("resolveDawidSkene", () => {
  const result = resolveDawidSkene(synthetic.data);

  it("beats majority vote on skewed synthetic workers and converges", () => {
    const dsAccuracy = computeAccuracy(result.labels, synthetic.truth).accuracy;
    const mvAccuracy = computeAccuracy(resolveMajorityVote(synthetic.data).labels, synthetic.truth).accuracy;
    expect(dsAccuracy).toBeGreaterThan(mvAccuracy + 0.03);
    expect(result.isConverged).toBe(true);
    expect(result.iterations).toBe(result.history.length);
    expect(result.iterations).toBeLessThan(100);
  });

  it("returns the true marginal log-likelihood of its own parameters", () => {
    const expected = computeMarginalLogLikelihood(synthetic.data, result.priors, result.confusion);
    expect(result.logLikelihood).toBeCloseTo(expected, 6);
    expect(result.history.at(-1)).toBeCloseTo(expected / synthetic.data.items.length, 12);
  });

  it("never lets the likelihood fall between iterations", () => {
    for (let step = 1; step < result.history.length; step += 1) {
      expect(result.history[step]!).toBeGreaterThanOrEqual(result.history[step - 1]! - 1e-12);
    }
  });

  it("returns normalised posteriors, priors and confusion rows", () => {
    const k = result.labelCount;
    for (let item = 0; item < 50; item += 1) {
      const row = result.posteriors.subarray(item * k, item * k + k);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(result.confidence[item]).toBe(Math.max(...row));
    }
    expect(result.priors.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let start = 0; start < result.confusion.length; start += k) {
      expect(result.confusion.subarray(start, start + k).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 8);
    }
  });

  it("recovers the workers' confusion matrices", () => {
    let totalError = 0;
    result.confusion.forEach((probability, cell) => {
      totalError += Math.abs(probability - synthetic.confusion[cell]!);
    });
    expect(totalError / result.confusion.length).toBeLessThan(0.04);
  });

  it("honours maxIterations and tolerance", () => {
    const capped = resolveDawidSkene(synthetic.data, { maxIterations: 2 });
    expect(capped).toMatchObject({ iterations: 2, isConverged: false });
    expect(resolveDawidSkene(synthetic.data, { tolerance: 1 }).iterations).toBe(2);
  });

  it("keeps clamped gold items on their known label", () => {
    const data = encodeLabels([
      { item: "a", worker: "w1", label: "x" },
      { item: "a", worker: "w2", label: "x" },
      { item: "b", worker: "w1", label: "y" },
      { item: "b", worker: "w2", label: "x" },
    ]);
    const gold = Int32Array.from([1, NO_LABEL]);
    const clamped = resolveDawidSkene(data, { gold });
    expect(clamped.labels[0]).toBe(1);
    expect(Array.from(clamped.posteriors.subarray(0, 2))).toEqual([0, 1]);
    expect(() => resolveDawidSkene(data, { gold: new Int32Array(1) })).toThrow(RangeError);
  });

  it("smooths confusion rows away from the floor", () => {
    const data = encodeLabels([
      { item: "a", worker: "w1", label: "x" },
      { item: "b", worker: "w1", label: "y" },
    ]);
    const smoothed = resolveDawidSkene(data, { smoothing: 1 });
    expect(Math.min(...smoothed.confusion)).toBeGreaterThan(0.1);
    const raw = resolveDawidSkene(data);
    expect(Math.min(...raw.confusion)).toBeLessThan(1e-9);
  });
});
