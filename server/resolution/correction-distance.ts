import { wordTokenDiff } from "@/server/items/word-tokens";

/**
 * Past this many word edits two corrections count as too far apart to measure. Myers' diff costs
 * length × edits, so the cap keeps one resolution cheap on any document: a 50,000-word correction with
 * 2,000 changed words is still measured in a few million steps.
 */
export const MAX_CORRECTION_EDITS = 2_000;

/**
 * How far apart two corrections are, as a share of the longer one: the characters of the words inserted
 * or deleted (the larger of the two, so a replaced word counts once), over the longer text's length.
 * Diffed by words, so it is cheap on long documents; it stops once the edits pass `maxShare` of the text
 * (or MAX_CORRECTION_EDITS words), and such a pair answers Infinity.
 */
export function measureCorrectionDistance(a: string, b: string, maxShare: number): number {
  if (a === b) return 0;
  const longest = Math.max(a.length, b.length);
  const tokens = Math.max(wordTokenDiff.tokenize(a).length, wordTokenDiff.tokenize(b).length);
  // Myers counts an insertion and a deletion as two edits; a distance of maxShare allows twice as many.
  const parts = wordTokenDiff.diff(a, b, { maxEditLength: Math.min(2 * Math.ceil(maxShare * tokens) + 2, MAX_CORRECTION_EDITS) });
  if (!parts) return Number.POSITIVE_INFINITY;
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.added) inserted += part.value.length;
    else if (part.removed) deleted += part.value.length;
  }
  return Math.max(inserted, deleted) / longest;
}
