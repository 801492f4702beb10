import { runDawidSkeneEm, PROBABILITY_FLOOR, type EmOptions, type EmResult } from "./dawid-skene-em";
import type { EncodedLabels } from "./encode";

export type OneCoinResult = EmResult & {
  /** P(worker answers the true label) per worker; errors spread evenly over the other labels. */
  workerAccuracy: Float64Array;
};

/**
 * One-coin Dawid–Skene: each worker has a single accuracy instead of a full confusion matrix, which needs
 * far fewer answers per worker to estimate. Same start, floor and stopping rule as `resolveDawidSkene`.
 */
export function resolveOneCoin(data: EncodedLabels, options: EmOptions = {}): OneCoinResult {
  const workerAccuracy = new Float64Array(data.workerIds.length);
  const fitOneCoin = (encoded: EncodedLabels, posteriors: Float64Array, smoothing: number, confusion: Float64Array): void => {
    estimateWorkerAccuracy(encoded, posteriors, smoothing, workerAccuracy);
    spreadAccuracy(workerAccuracy, encoded.labelIds.length, confusion);
  };
  return { ...runDawidSkeneEm(data, fitOneCoin, options), workerAccuracy };
}

/** Expected share of each worker's answers that are correct, with smoothing as a Beta(s+1, s+1) prior. */
function estimateWorkerAccuracy(data: EncodedLabels, posteriors: Float64Array, smoothing: number, accuracy: Float64Array): void {
  const labelCount = data.labelIds.length;
  const answered = new Float64Array(accuracy.length);
  accuracy.fill(smoothing);
  for (let index = 0; index < data.items.length; index += 1) {
    const worker = data.workers[index]!;
    accuracy[worker]! += posteriors[data.items[index]! * labelCount + data.labels[index]!]!;
    answered[worker]! += 1;
  }
  for (let worker = 0; worker < accuracy.length; worker += 1) {
    const total = answered[worker]! + 2 * smoothing;
    accuracy[worker] = total > 0 ? accuracy[worker]! / total : 1 / labelCount;
  }
}

function spreadAccuracy(accuracy: Float64Array, labelCount: number, confusion: Float64Array): void {
  for (let worker = 0; worker < accuracy.length; worker += 1) {
    const correct = accuracy[worker]!;
    // With a single label there is nothing to confuse it with.
    const wrong = labelCount > 1 ? (1 - correct) / (labelCount - 1) : 0;
    for (let truth = 0; truth < labelCount; truth += 1) {
      for (let given = 0; given < labelCount; given += 1) {
        const probability = truth === given ? correct : wrong;
        confusion[(worker * labelCount + truth) * labelCount + given] = Math.max(probability, PROBABILITY_FLOOR);
      }
    }
  }
}
