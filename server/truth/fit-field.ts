import { resolveDawidSkene } from "@/server/quality/dawid-skene";
import type { EmResult } from "@/server/quality/dawid-skene-em";
import type { EncodedLabels } from "@/server/quality/encode";
import { resolveOneCoin } from "@/server/quality/one-coin";

export type FitMethod = "dawid_skene" | "one_coin";

export type AnnotatorFit = { annotatorId: string; confusion: number[][]; reliability: number; labelCount: number };

export type FieldFit = { method: FitMethod; result: EmResult; annotators: AnnotatorFit[] };

/**
 * Full Dawid–Skene estimates K·(K−1) free confusion cells per annotator. It is used when the median
 * annotator gave at least 2·K² answers (about two answers per cell; a binary field needs 8) and there are
 * at least two annotators; thinner data gets one-coin, a single accuracy per annotator, which needs far
 * fewer answers. The four crowd reference datasets all clear the bar (their medians: 108, 32, 20, 12).
 */
export function chooseFitMethod(data: EncodedLabels): FitMethod {
  const classCount = data.labelIds.length;
  if (data.workerIds.length < 2) return "one_coin";
  const answersPerAnnotator = new Int32Array(data.workerIds.length);
  for (let index = 0; index < data.workers.length; index += 1) answersPerAnnotator[data.workers[index]!]! += 1;
  const sorted = [...answersPerAnnotator].sort((a, b) => a - b);
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return median >= 2 * classCount * classCount ? "dawid_skene" : "one_coin";
}

/** Fits a field's answers (gold items clamped) and reads out each annotator's matrix and reliability. */
export function fitField(data: EncodedLabels, gold: Int32Array): FieldFit {
  const method = chooseFitMethod(data);
  const result = method === "dawid_skene" ? resolveDawidSkene(data, { gold }) : resolveOneCoin(data, { gold });
  const classCount = data.labelIds.length;
  const answers = new Int32Array(data.workerIds.length);
  for (let index = 0; index < data.workers.length; index += 1) answers[data.workers[index]!]! += 1;
  const annotators = data.workerIds.map((annotatorId, worker) => {
    const confusion = Array.from({ length: classCount }, (_, truth) => {
      const start = (worker * classCount + truth) * classCount;
      return Array.from(result.confusion.subarray(start, start + classCount));
    });
    const reliability = confusion.reduce((sum, row, truth) => sum + result.priors[truth]! * row[truth]!, 0);
    return { annotatorId, confusion, reliability, labelCount: answers[worker]! };
  });
  return { method, result, annotators };
}
