/** A ratio with the counts behind it. */
export type ShareResult = { value: number; count: number; total: number };

/**
 * distinct-n: distinct n-grams over all n-grams, pooled across texts. Tokens are whitespace-separated and
 * case-sensitive; n-grams never span two texts. NaN when no text has n tokens.
 */
export function computeDistinctN(texts: readonly string[], n: number): ShareResult {
  if (!Number.isInteger(n) || n < 1) throw new RangeError("n must be a positive integer");
  const seen = new Set<string>();
  let total = 0;
  for (const text of texts) {
    const tokens = text.split(/\s+/).filter((token) => token !== "");
    for (let start = 0; start + n <= tokens.length; start += 1) {
      // Tokens hold no whitespace, so a space-joined key is unambiguous.
      seen.add(tokens.slice(start, start + n).join(" "));
      total += 1;
    }
  }
  return { value: total > 0 ? seen.size / total : Number.NaN, count: seen.size, total };
}

/** Share of texts that exactly repeat an earlier text (1 − distinct/total); NaN for no texts. */
export function computeDuplicateRate(texts: readonly string[]): ShareResult {
  const duplicates = texts.length - new Set(texts).size;
  return { value: texts.length > 0 ? duplicates / texts.length : Number.NaN, count: duplicates, total: texts.length };
}
