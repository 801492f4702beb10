import type { EncodedLabels } from "./encode";
import { createRandom, drawInteger, type Random } from "./random";

export type SyntheticOptions = {
  seed: number;
  itemCount: number;
  /** Size of the worker pool. */
  workerCount: number;
  /** Distinct workers per item; must not exceed workerCount. */
  answersPerItem: number;
  labelCount: number;
  /** Each worker's accuracy is drawn uniformly from this range (default [0.55, 0.95]). */
  accuracyRange?: readonly [number, number];
};

/** Answers with the truth and the worker confusion matrices that produced them. */
export type SyntheticLabels = {
  data: EncodedLabels;
  truth: Int32Array;
  /** workerCount × labelCount × labelCount, laid out like Dawid–Skene's confusion. */
  confusion: Float64Array;
};

/**
 * Generates crowd answers with known truth from a seeded PRNG, for tests and benchmarks. True labels
 * follow skewed priors (weights K, K−1, …, 1) and each worker errs towards other labels unevenly, which is
 * the case where Dawid–Skene should beat majority vote.
 */
export function generateSyntheticLabels(options: SyntheticOptions): SyntheticLabels {
  const { itemCount, workerCount, answersPerItem, labelCount } = options;
  if (answersPerItem > workerCount) throw new RangeError("answersPerItem cannot exceed workerCount");
  const [lowest, highest] = options.accuracyRange ?? [0.55, 0.95];
  const random = createRandom(options.seed);
  const priors = Float64Array.from({ length: labelCount }, (_, label) => labelCount - label);
  const confusion = new Float64Array(workerCount * labelCount * labelCount);
  for (let worker = 0; worker < workerCount; worker += 1) {
    const accuracy = lowest + random() * (highest - lowest);
    for (let truth = 0; truth < labelCount; truth += 1) {
      const row = (worker * labelCount + truth) * labelCount;
      const errorWeights = Float64Array.from({ length: labelCount }, (_, given) => (given === truth ? 0 : 0.1 + random()));
      const errorTotal = errorWeights.reduce((sum, weight) => sum + weight, 0);
      for (let given = 0; given < labelCount; given += 1) {
        confusion[row + given] = given === truth ? accuracy : ((1 - accuracy) * errorWeights[given]!) / errorTotal;
      }
    }
  }

  const size = itemCount * answersPerItem;
  const items = new Int32Array(size);
  const workers = new Int32Array(size);
  const labels = new Int32Array(size);
  const truth = new Int32Array(itemCount);
  const chosen = new Int32Array(answersPerItem);
  for (let item = 0; item < itemCount; item += 1) {
    const trueLabel = drawFrom(random, priors, 0, labelCount);
    truth[item] = trueLabel;
    for (let slot = 0; slot < answersPerItem; slot += 1) {
      let worker = drawInteger(random, workerCount);
      while (chosen.subarray(0, slot).includes(worker)) worker = drawInteger(random, workerCount);
      chosen[slot] = worker;
      const index = item * answersPerItem + slot;
      items[index] = item;
      workers[index] = worker;
      labels[index] = drawFrom(random, confusion, (worker * labelCount + trueLabel) * labelCount, labelCount);
    }
  }
  const data: EncodedLabels = {
    itemIds: Array.from({ length: itemCount }, (_, item) => `item-${item}`),
    workerIds: Array.from({ length: workerCount }, (_, worker) => `worker-${worker}`),
    labelIds: Array.from({ length: labelCount }, (_, label) => String(label)),
    labelValues: Float64Array.from({ length: labelCount }, (_, label) => label),
    isNumeric: true,
    items,
    workers,
    labels,
  };
  return { data, truth, confusion };
}

/** Draws an index in [0, length) with probability proportional to weights[start + index]. */
function drawFrom(random: Random, weights: Float64Array, start: number, length: number): number {
  let total = 0;
  for (let index = 0; index < length; index += 1) total += weights[start + index]!;
  let remaining = random() * total;
  for (let index = 0; index < length - 1; index += 1) {
    remaining -= weights[start + index]!;
    if (remaining < 0) return index;
  }
  return length - 1;
}
