import { runDawidSkeneEm, PROBABILITY_FLOOR, type EmOptions, type EmResult } from "./dawid-skene-em";
import type { EncodedLabels } from "./encode";

export type DawidSkeneOptions = EmOptions;
export type DawidSkeneResult = EmResult;

/**
 * Dawid–Skene EM with a full confusion matrix per worker. Starts from majority-vote shares, works in log
 * space, floors probabilities at 1e-10 and stops on the true marginal log-likelihood per answer.
 */
export function resolveDawidSkene(data: EncodedLabels, options: DawidSkeneOptions = {}): DawidSkeneResult {
  return runDawidSkeneEm(data, fitFullConfusion, options);
}

/** M-step: expected (true, given) counts per worker from the posteriors, plus smoothing, row-normalised. */
function fitFullConfusion(data: EncodedLabels, posteriors: Float64Array, smoothing: number, confusion: Float64Array): void {
  const labelCount = data.labelIds.length;
  confusion.fill(smoothing);
  const { items, workers, labels } = data;
  for (let index = 0; index < items.length; index += 1) {
    const row = items[index]! * labelCount;
    const base = workers[index]! * labelCount * labelCount + labels[index]!;
    for (let truth = 0; truth < labelCount; truth += 1) confusion[base + truth * labelCount]! += posteriors[row + truth]!;
  }
  for (let start = 0; start < confusion.length; start += labelCount) {
    let total = 0;
    for (let given = 0; given < labelCount; given += 1) total += confusion[start + given]!;
    for (let given = 0; given < labelCount; given += 1) {
      // A worker who never met this true label gets an uninformative row instead of 0/0.
      const probability = total > 0 ? confusion[start + given]! / total : 1 / labelCount;
      confusion[start + given] = Math.max(probability, PROBABILITY_FLOOR);
    }
  }
}
