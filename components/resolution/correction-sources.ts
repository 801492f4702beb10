/** One text a lead can compare: the model's original output or one reviewer's correction. */
export type CorrectionSource = {
  /** "original", or the reviewer's id (two reviewers may share a name). */
  key: string;
  /** What the pickers show. */
  title: string;
  /** The same inside a sentence ("+3 words in Ben B's correction against the original output"). */
  name: string;
  text: string;
};

export const ORIGINAL_SOURCE_KEY = "original";

type AnsweredCorrection = { annotatorId: string; annotatorName: string; correction: string | null };

/** The original output, then every reviewer who corrected it, in the order they answered. */
export function listCorrectionSources(originalText: string, annotations: readonly AnsweredCorrection[]): CorrectionSource[] {
  const corrections = annotations.flatMap((annotation) =>
    annotation.correction === null
      ? []
      : [{ key: annotation.annotatorId, title: `${annotation.annotatorName}'s correction`, name: `${annotation.annotatorName}'s correction`, text: annotation.correction }],
  );
  return [{ key: ORIGINAL_SOURCE_KEY, title: "Original output", name: "the original output", text: originalText }, ...corrections];
}

/**
 * The pair to compare first: the first two reviewers who corrected, one against the other (each card
 * already shows its correction against the original). Null when fewer than two reviewers corrected.
 */
export function pickDefaultComparison(sources: readonly CorrectionSource[]): { fromKey: string; toKey: string } | null {
  const [first, second] = sources.filter((source) => source.key !== ORIGINAL_SOURCE_KEY);
  return first && second ? { fromKey: first.key, toKey: second.key } : null;
}
