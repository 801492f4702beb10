/** Words per shingle: long enough that shared stock phrases alone do not make two answers alike. */
const SHINGLE_WORDS = 3;
/** The catalog's bar: a text at least this similar to an earlier one is a near duplicate. */
export const NEAR_DUPLICATE_JACCARD = 0.8;

/** The text's word shingles (lower-cased); a text shorter than one shingle is one shingle of all its words. */
export function wordShingles(text: string): Set<string> {
  const words = text.toLowerCase().split(/\s+/).filter((word) => word !== "");
  if (words.length <= SHINGLE_WORDS) return new Set(words.length > 0 ? [words.join(" ")] : []);
  const shingles = new Set<string>();
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start += 1) shingles.add(words.slice(start, start + SHINGLE_WORDS).join(" "));
  return shingles;
}

/**
 * How many texts have a word-shingle Jaccard similarity ≥ `threshold` to an earlier text in the list. An
 * inverted index from shingle to earlier texts counts the overlaps, so only texts that share a shingle are
 * compared. Two empty texts are duplicates of each other.
 */
export function countNearDuplicates(texts: readonly string[], threshold = NEAR_DUPLICATE_JACCARD): number {
  const earlierByShingle = new Map<string, number[]>();
  const sizes: number[] = [];
  let emptySeen = false;
  let duplicates = 0;
  texts.forEach((text, index) => {
    const shingles = wordShingles(text);
    sizes.push(shingles.size);
    if (shingles.size === 0) {
      if (emptySeen) duplicates += 1;
      emptySeen = true;
      return;
    }
    const overlaps = new Map<number, number>();
    for (const shingle of shingles) {
      const earlier = earlierByShingle.get(shingle);
      if (earlier) for (const other of earlier) overlaps.set(other, (overlaps.get(other) ?? 0) + 1);
      else earlierByShingle.set(shingle, []);
      earlierByShingle.get(shingle)!.push(index);
    }
    for (const [other, shared] of overlaps) {
      if (shared / (shingles.size + sizes[other]! - shared) >= threshold) {
        duplicates += 1;
        return;
      }
    }
  });
  return duplicates;
}
