/**
 * Resolution v1 as pure functions: what k submissions on one item come to. No database here, so the
 * rules are tested on their own and the service only loads votes and writes the outcome.
 */

import { normalizeWhitespace } from "@/server/items/correction";
import type { CorrectionConsensus } from "@/server/labels/label-schema";
import { measureCorrectionDistance } from "./correction-distance";

export type VoteCount = { value: string; count: number };

export type LabelResolution =
  | { kind: "gold"; method: "unanimous" | "majority"; value: string; confidence: number; counts: VoteCount[] }
  | { kind: "conflict"; reason: string; counts: VoteCount[] };

// Shares such as 2/3 are not exact in floating point; a threshold typed as 0.6667 should not reject 2 of 3
// by a rounding error, nor should one typed as exactly 2/3.
const SHARE_TOLERANCE = 1e-9;

/** Tallies votes, most frequent first; ties break on the value so the order is stable. */
export function countVotes(votes: readonly string[]): VoteCount[] {
  const counts = new Map<string, number>();
  for (const vote of votes) counts.set(vote, (counts.get(vote) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * One field's votes to gold or conflict: all equal → unanimous (confidence 1); the top value's share at or
 * above `threshold` → majority (confidence = share); otherwise a conflict naming the split.
 * `threshold` is above one half, so at most one value can reach it.
 */
export function resolveLabels(votes: readonly string[], threshold: number): LabelResolution {
  if (votes.length === 0) throw new RangeError("resolving needs at least one vote");
  const counts = countVotes(votes);
  const top = counts[0]!;
  if (counts.length === 1) return { kind: "gold", method: "unanimous", value: top.value, confidence: 1, counts };
  const share = top.count / votes.length;
  if (share + SHARE_TOLERANCE >= threshold && top.count > counts[1]!.count) {
    return { kind: "gold", method: "majority", value: top.value, confidence: share, counts };
  }
  return { kind: "conflict", reason: `labels split: ${counts.map(({ value, count }) => `${value} ${count}`).join(", ")}`, counts };
}

/**
 * The vote share of a (k−1)-to-1 split, the closest answers can come to unanimous without being it. A
 * majority threshold at or below it resolves such a split at k, so adaptive overlap only grows the review
 * on more even splits; above it, any split asks for another annotator.
 */
export function nearUnanimousShare(k: number): number {
  return (k - 1) / k;
}

export type CorrectionResolution = { kind: "agreed"; correction: string | null; confidence: number } | { kind: "conflict"; reason: string };

const percentOf = (share: number) => `${Math.round(share * 100)} %`;

/**
 * Corrections agree when all are equal after whitespace normalisation, or under the `medoid` rule when
 * every one lies within `maxDistance` of the one closest to the others (which becomes gold, and the mean
 * distance lowers the confidence). Null means "left unchanged" and only agrees with null: whether the
 * output needed a correction at all is not a matter of degree. The agreed text is the first submission's
 * (identical) or the medoid's, as typed.
 */
export function resolveCorrections(corrections: ReadonlyArray<string | null>, rule: CorrectionConsensus = { rule: "identical" }): CorrectionResolution {
  if (corrections.length === 0) throw new RangeError("resolving needs at least one correction");
  const keys = new Set(corrections.map((correction) => (correction === null ? null : normalizeWhitespace(correction))));
  if (keys.size === 1) return { kind: "agreed", correction: corrections[0] ?? null, confidence: 1 };
  if (rule.rule === "identical" || keys.has(null)) return { kind: "conflict", reason: keys.has(null) ? "some reviewers corrected the output and some left it unchanged" : "corrections differ" };
  const texts = corrections.map((correction) => normalizeWhitespace(correction!));
  // Each pair is diffed once; the distance is symmetric, so a row of the matrix is one text's distances to all.
  const matrix = texts.map(() => new Array<number>(texts.length).fill(0));
  for (let row = 0; row < texts.length; row += 1) {
    for (let column = row + 1; column < texts.length; column += 1) {
      matrix[row]![column] = matrix[column]![row] = measureCorrectionDistance(texts[row]!, texts[column]!, rule.maxDistance);
    }
  }
  const totals = matrix.map((distancesFrom) => distancesFrom.reduce((sum, distance) => sum + distance, 0));
  const medoid = totals.indexOf(Math.min(...totals));
  const distances = matrix[medoid]!;
  const farthest = Math.max(...distances);
  if (farthest > rule.maxDistance) {
    // Past the limit the diff stops counting, so how far beyond it is not known.
    const apart = Number.isFinite(farthest) ? `${percentOf(farthest)} of the text apart, more than ${percentOf(rule.maxDistance)}` : `more than ${percentOf(rule.maxDistance)} of the text apart`;
    return { kind: "conflict", reason: `corrections differ: ${apart}` };
  }
  const meanDistance = distances.reduce((sum, distance) => sum + distance, 0) / distances.length;
  return { kind: "agreed", correction: corrections[medoid]!, confidence: 1 - meanDistance };
}
