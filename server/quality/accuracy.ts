import { NO_LABEL, type EncodedLabels } from "./encode";

export type AccuracyResult = { accuracy: number; correct: number; total: number };

/** Per worker: how often their answers match a per-item reference label. */
export type WorkerAgreement = {
  /** matches / compared per worker; NaN for a worker with no answer on a referenced item. */
  agreement: Float64Array;
  matches: Int32Array;
  compared: Int32Array;
};

/**
 * Share of referenced items whose predicted label equals the reference.
 * Items whose reference is NO_LABEL are skipped; a NO_LABEL prediction (a reported tie) counts as wrong.
 */
export function computeAccuracy(predicted: Int32Array, reference: Int32Array): AccuracyResult {
  if (predicted.length !== reference.length) throw new RangeError("predicted and reference must have the same length");
  let correct = 0;
  let total = 0;
  for (let item = 0; item < reference.length; item += 1) {
    const expected = reference[item]!;
    if (expected === NO_LABEL) continue;
    total += 1;
    if (predicted[item] === expected) correct += 1;
  }
  return { accuracy: total > 0 ? correct / total : Number.NaN, correct, total };
}

/**
 * Agreement of each worker with a per-item reference: pass the consensus labels for agreement with the
 * consensus, or gold labels (NO_LABEL for non-gold items) for accuracy on gold items.
 */
export function computeWorkerAgreement(data: EncodedLabels, reference: Int32Array): WorkerAgreement {
  const workerCount = data.workerIds.length;
  const matches = new Int32Array(workerCount);
  const compared = new Int32Array(workerCount);
  for (let index = 0; index < data.items.length; index += 1) {
    const expected = reference[data.items[index]!]!;
    if (expected === NO_LABEL) continue;
    const worker = data.workers[index]!;
    compared[worker]! += 1;
    if (data.labels[index] === expected) matches[worker]! += 1;
  }
  const agreement = new Float64Array(workerCount);
  for (let worker = 0; worker < workerCount; worker += 1) {
    agreement[worker] = compared[worker]! > 0 ? matches[worker]! / compared[worker]! : Number.NaN;
  }
  return { agreement, matches, compared };
}
