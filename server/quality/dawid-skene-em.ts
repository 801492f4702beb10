import { NO_LABEL, type EncodedLabels } from "./encode";
import { resolveMajorityVote } from "./majority-vote";

/** Floor for every probability that enters a logarithm. */
export const PROBABILITY_FLOOR = 1e-10;

export type EmOptions = {
  /** Stop when the marginal log-likelihood per answer improves by less than this (default 1e-6). */
  tolerance?: number;
  /** Upper bound on EM iterations (default 100). */
  maxIterations?: number;
  /** Laplace pseudo-count added to every confusion cell and class prior (default 0). */
  smoothing?: number;
  /** Known answers per item (NO_LABEL elsewhere): those items keep a one-hot posterior on the gold label. */
  gold?: Int32Array;
};

/** Writes worker confusion matrices (worker × true × given, rows summing to 1) from item posteriors. */
export type FitConfusion = (data: EncodedLabels, posteriors: Float64Array, smoothing: number, confusion: Float64Array) => void;

export type EmResult = {
  labelCount: number;
  /** Most probable label per item; ties go to the lowest label. */
  labels: Int32Array;
  /** Posterior of the chosen label. */
  confidence: Float64Array;
  /** itemCount × labelCount, row-major: P(true label | answers) under the returned parameters. */
  posteriors: Float64Array;
  /** workerCount × labelCount × labelCount: confusion[w][t][g] = P(worker w answers g | true label t). */
  confusion: Float64Array;
  /** P(true label) per label code. */
  priors: Float64Array;
  iterations: number;
  isConverged: boolean;
  /** Marginal log-likelihood (natural log) of all answers under the returned parameters. */
  logLikelihood: number;
  /** Marginal log-likelihood per answer after each iteration; its last step decided convergence. */
  history: number[];
};

/**
 * Shared EM loop of the Dawid–Skene family. θ_0 is fitted to majority-vote shares; iteration t fits θ_t to
 * the posteriors under θ_{t-1} (M-step), then runs the E-step under θ_t, which yields both the next
 * posteriors and log L(θ_t). So the likelihood costs no extra pass, and the returned posteriors belong to
 * the returned parameters. It stops when log L per answer improves by less than the tolerance.
 */
export function runDawidSkeneEm(data: EncodedLabels, fitConfusion: FitConfusion, options: EmOptions): EmResult {
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;
  const smoothing = options.smoothing ?? 0;
  const gold = options.gold;
  const itemCount = data.itemIds.length;
  const labelCount = data.labelIds.length;
  if (gold !== undefined && gold.length !== itemCount) throw new RangeError("gold needs one entry per item");

  const posteriors = startFromMajorityVote(data, gold);
  const priors = new Float64Array(labelCount);
  const confusion = new Float64Array(data.workerIds.length * labelCount * labelCount);
  const fitAndInfer = (): number => {
    fitPriors(posteriors, labelCount, smoothing, priors);
    fitConfusion(data, posteriors, smoothing, confusion);
    return inferPosteriors(data, priors, confusion, gold, posteriors);
  };
  // θ_0 comes from the majority vote; like Crowd-Kit, its likelihood is not compared against.
  let logLikelihood = fitAndInfer();
  const history: number[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let isConverged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    logLikelihood = fitAndInfer();
    const perAnswer = logLikelihood / data.items.length;
    history.push(perAnswer);
    // A drop (possible through the probability floor) also ends the run, as in Crowd-Kit.
    if (perAnswer - previous < tolerance) {
      isConverged = true;
      break;
    }
    previous = perAnswer;
  }
  const { labels, confidence } = pickMostProbable(posteriors, labelCount);
  return {
    labelCount,
    labels,
    confidence,
    posteriors,
    confusion,
    priors,
    iterations,
    isConverged,
    logLikelihood,
    history,
  };
}

function startFromMajorityVote(data: EncodedLabels, gold: Int32Array | undefined): Float64Array {
  const labelCount = data.labelIds.length;
  const { scores } = resolveMajorityVote(data);
  const posteriors = new Float64Array(scores.length);
  for (let item = 0; item < data.itemIds.length; item += 1) {
    const row = item * labelCount;
    let total = 0;
    for (let label = 0; label < labelCount; label += 1) total += scores[row + label]!;
    for (let label = 0; label < labelCount; label += 1) posteriors[row + label] = scores[row + label]! / total;
    clampGold(posteriors, row, labelCount, gold?.[item] ?? NO_LABEL);
  }
  return posteriors;
}

function clampGold(posteriors: Float64Array, row: number, labelCount: number, goldLabel: number): void {
  if (goldLabel === NO_LABEL) return;
  posteriors.fill(0, row, row + labelCount);
  posteriors[row + goldLabel] = 1;
}

function fitPriors(posteriors: Float64Array, labelCount: number, smoothing: number, priors: Float64Array): void {
  priors.fill(smoothing);
  for (let cell = 0; cell < posteriors.length; cell += 1) priors[cell % labelCount]! += posteriors[cell]!;
  const total = posteriors.length / labelCount + smoothing * labelCount;
  for (let label = 0; label < labelCount; label += 1) priors[label] = priors[label]! / total;
}

/**
 * E-step in log space. Each item's row is shifted by its maximum before exponentiating, so long answer
 * lists cannot underflow. Returns the marginal log-likelihood: log prior once per item plus the answers'
 * log-probabilities, summed over true labels (gold items use their known label).
 */
function inferPosteriors(
  data: EncodedLabels,
  priors: Float64Array,
  confusion: Float64Array,
  gold: Int32Array | undefined,
  posteriors: Float64Array,
): number {
  const labelCount = priors.length;
  const workerCount = data.workerIds.length;
  // logTable[(w·K + given)·K + true]: the K terms one answer adds sit next to each other.
  const logTable = new Float64Array(workerCount * labelCount * labelCount);
  for (let worker = 0; worker < workerCount; worker += 1) {
    for (let truth = 0; truth < labelCount; truth += 1) {
      for (let given = 0; given < labelCount; given += 1) {
        const probability = confusion[(worker * labelCount + truth) * labelCount + given]!;
        logTable[(worker * labelCount + given) * labelCount + truth] = Math.log(Math.max(probability, PROBABILITY_FLOOR));
      }
    }
  }
  for (let item = 0; item < data.itemIds.length; item += 1) {
    for (let truth = 0; truth < labelCount; truth += 1) {
      posteriors[item * labelCount + truth] = Math.log(Math.max(priors[truth]!, PROBABILITY_FLOOR));
    }
  }
  const { items, workers, labels } = data;
  for (let index = 0; index < items.length; index += 1) {
    const row = items[index]! * labelCount;
    const base = (workers[index]! * labelCount + labels[index]!) * labelCount;
    for (let truth = 0; truth < labelCount; truth += 1) posteriors[row + truth]! += logTable[base + truth]!;
  }

  let logLikelihood = 0;
  for (let item = 0; item < data.itemIds.length; item += 1) {
    const row = item * labelCount;
    const goldLabel = gold?.[item] ?? NO_LABEL;
    if (goldLabel !== NO_LABEL) {
      logLikelihood += posteriors[row + goldLabel]!;
      clampGold(posteriors, row, labelCount, goldLabel);
      continue;
    }
    let maximum = Number.NEGATIVE_INFINITY;
    for (let truth = 0; truth < labelCount; truth += 1) maximum = Math.max(maximum, posteriors[row + truth]!);
    let total = 0;
    for (let truth = 0; truth < labelCount; truth += 1) {
      const scaled = Math.exp(posteriors[row + truth]! - maximum);
      posteriors[row + truth] = scaled;
      total += scaled;
    }
    for (let truth = 0; truth < labelCount; truth += 1) posteriors[row + truth] = posteriors[row + truth]! / total;
    logLikelihood += maximum + Math.log(total);
  }
  return logLikelihood;
}

function pickMostProbable(posteriors: Float64Array, labelCount: number): { labels: Int32Array; confidence: Float64Array } {
  const itemCount = posteriors.length / labelCount;
  const labels = new Int32Array(itemCount);
  const confidence = new Float64Array(itemCount);
  for (let item = 0; item < itemCount; item += 1) {
    let best = 0;
    for (let label = 1; label < labelCount; label += 1) {
      if (posteriors[item * labelCount + label]! > posteriors[item * labelCount + best]!) best = label;
    }
    labels[item] = best;
    confidence[item] = posteriors[item * labelCount + best]!;
  }
  return { labels, confidence };
}
