import { Change, diff as diffCharacters } from "@codemirror/merge";
import { wordTokenDiff } from "@/server/items/word-tokens";

/**
 * Past this many token edits the word diff stops (its cost grows with length × edits) and the merge view's
 * own character diff, bounded by the same scan limit the merge view uses by default, takes over.
 */
export const MAX_WORD_EDITS = 1_000;
const FALLBACK_SCAN_LIMIT = 500;

/**
 * The changes that turn `a` into `b`, each covering whole words (and whole whitespace runs), for
 * `unifiedMergeView({ diffConfig: { override } })`: a reviewer sees "3 days" replaced by "a week", not
 * letters picked out of both. Texts too different to diff by words fall back to the character diff.
 */
export function diffByWords(a: string, b: string): readonly Change[] {
  const parts = wordTokenDiff.diff(a, b, { maxEditLength: MAX_WORD_EDITS });
  if (!parts) return diffCharacters(a, b, { scanLimit: FALLBACK_SCAN_LIMIT });
  const changes: Change[] = [];
  let posA = 0;
  let posB = 0;
  // A removal and an insertion next to each other are one replacement; an unchanged part ends it.
  let start: { a: number; b: number } | null = null;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (start) changes.push(new Change(start.a, posA, start.b, posB));
      start = null;
      posA += part.value.length;
      posB += part.value.length;
      continue;
    }
    start ??= { a: posA, b: posB };
    if (part.removed) posA += part.value.length;
    else posB += part.value.length;
  }
  if (start) changes.push(new Change(start.a, posA, start.b, posB));
  return changes;
}
