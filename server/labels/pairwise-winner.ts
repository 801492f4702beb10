/**
 * The output of the candidate a pairwise answer chose, or null when there is no pairwise answer for a side
 * (no pairwise field, a tie) or no candidates. A queue has at most one pairwise field, and it compares the
 * first two candidates (A and B).
 */
export function findWinningCandidateOutput(values: unknown, candidates: unknown): unknown | null {
  if (!Array.isArray(candidates) || candidates.length < 2 || typeof values !== "object" || values === null) return null;
  for (const value of Object.values(values)) {
    const choice = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { choice?: unknown }).choice : undefined;
    if (choice === "a" || choice === "b") return (candidates[choice === "a" ? 0 : 1] as { output?: unknown }).output ?? null;
  }
  return null;
}
