import { computeWorkerAgreement } from "./accuracy";
import type { EncodedLabels } from "./encode";
import { resolveMajorityVote, resolveWeightedMajorityVote, type VoteOptions, type VoteResult } from "./majority-vote";

/** Wawa's vote plus the worker weights it used. */
export type WawaResult = VoteResult & {
  /** Each worker's agreement with the plain majority vote, used as their weight. */
  workerWeights: Float64Array;
};

/**
 * Wawa (worker agreement with aggregate): weight each worker by how often they agree with the plain
 * majority vote, then take the weighted vote. The first vote always breaks ties towards the lowest label so
 * every answer can be scored; the weighted vote follows `tieRule`.
 */
export function resolveWawa(data: EncodedLabels, options: VoteOptions = {}): WawaResult {
  const majority = resolveMajorityVote(data, { tieRule: "lowest-label" });
  const { agreement } = computeWorkerAgreement(data, majority.labels);
  // A worker with nothing to compare gets no say rather than a NaN that would poison the tally.
  const workerWeights = agreement.map((weight) => (Number.isNaN(weight) ? 0 : weight));
  return { ...resolveWeightedMajorityVote(data, workerWeights, options), workerWeights };
}
