import { NO_LABEL, type EncodedLabels } from "./encode";

/**
 * How to break a tie for the top vote. "lowest-label" picks the lowest label code (see
 * `sortLabelIds`); "report" leaves the item unresolved (NO_LABEL) so a lead can look at it.
 */
export type TieRule = "lowest-label" | "report";

export type VoteOptions = { tieRule?: TieRule };

/** A (weighted) vote per item, with the tallies behind it. */
export type VoteResult = {
  labelCount: number;
  /** Winning label code per item; NO_LABEL for a reported tie. */
  labels: Int32Array;
  /** Winning score over the item's total score; 0 when the total is 0. */
  confidence: Float64Array;
  /** itemCount × labelCount, row-major: how many answers gave each label. */
  counts: Int32Array;
  /** itemCount × labelCount, row-major: summed worker weights per label (equal to counts when unweighted). */
  scores: Float64Array;
  /** 1 where two or more labels share the top score. */
  isTied: Uint8Array;
  tieCount: number;
};

/** Plain majority vote; ties follow `tieRule` (default: lowest label wins). */
export function resolveMajorityVote(data: EncodedLabels, options: VoteOptions = {}): VoteResult {
  return tallyVotes(data, undefined, options);
}

/** Majority vote where each answer counts with its worker's weight (indexed by worker code). */
export function resolveWeightedMajorityVote(
  data: EncodedLabels,
  workerWeights: Float64Array,
  options: VoteOptions = {},
): VoteResult {
  if (workerWeights.length !== data.workerIds.length) throw new RangeError("one weight per worker is required");
  return tallyVotes(data, workerWeights, options);
}

function tallyVotes(data: EncodedLabels, workerWeights: Float64Array | undefined, options: VoteOptions): VoteResult {
  const itemCount = data.itemIds.length;
  const labelCount = data.labelIds.length;
  const counts = new Int32Array(itemCount * labelCount);
  const scores = new Float64Array(itemCount * labelCount);
  for (let index = 0; index < data.items.length; index += 1) {
    const cell = data.items[index]! * labelCount + data.labels[index]!;
    counts[cell]! += 1;
    scores[cell]! += workerWeights === undefined ? 1 : workerWeights[data.workers[index]!]!;
  }

  const isReporting = options.tieRule === "report";
  const labels = new Int32Array(itemCount);
  const confidence = new Float64Array(itemCount);
  const isTied = new Uint8Array(itemCount);
  let tieCount = 0;
  for (let item = 0; item < itemCount; item += 1) {
    const row = item * labelCount;
    let best = NO_LABEL;
    let bestScore = Number.NEGATIVE_INFINITY;
    let total = 0;
    let hasTie = false;
    // Only labels the item actually received compete, so zero-weight workers cannot elect an unused label.
    for (let label = 0; label < labelCount; label += 1) {
      if (counts[row + label] === 0) continue;
      const score = scores[row + label]!;
      total += score;
      if (score > bestScore) {
        best = label;
        bestScore = score;
        hasTie = false;
      } else if (score === bestScore) {
        hasTie = true;
      }
    }
    if (hasTie) {
      isTied[item] = 1;
      tieCount += 1;
    }
    labels[item] = hasTie && isReporting ? NO_LABEL : best;
    confidence[item] = total > 0 ? bestScore / total : 0;
  }
  return { labelCount, labels, confidence, counts, scores, isTied, tieCount };
}
