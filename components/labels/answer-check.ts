import { AnswerValueError, checkAnswerValues, type LabelValue, type LabelValues, type PairwiseAnswer, type RubricScore } from "@/server/labels/answer-values";
import type { LabelField } from "@/server/labels/field-types";

/** What the form shows before sending: the first problem of each field, keyed by field key. */
export type FieldProblems = Record<string, string>;

/**
 * Checks a draft as the server will, one field at a time so every field's problem shows at once. The
 * server's message names the path (`values.quality: rate Quality from 1 to 5`); the form shows the part
 * after it, under the field.
 */
export function findFieldProblems(fields: readonly LabelField[], values: LabelValues): FieldProblems {
  const problems: FieldProblems = {};
  for (const field of fields) {
    try {
      checkAnswerValues([field], values[field.key] === undefined ? {} : { [field.key]: values[field.key] });
    } catch (error) {
      if (!(error instanceof AnswerValueError)) throw error;
      problems[field.key] = error.message.slice(error.path.length + 2);
    }
  }
  return problems;
}

const isOption = (field: { options: { value: string }[] }, value: unknown) => typeof value === "string" && field.options.some((option) => option.value === value);

/**
 * A draft value as it may stand while being written, or undefined when it no longer fits its field (a
 * draft kept across a reload may predate a schema change). Unfinished is fine here (a rubric with some
 * criteria scored, a number out of range, text with trailing spaces): it is kept as typed, and checked in
 * full on submit.
 */
function keepDraftValue(field: LabelField, value: unknown): LabelValue | undefined {
  switch (field.type) {
    case "categorical":
      return isOption(field, value) ? (value as string) : undefined;
    case "multi_select":
      return Array.isArray(value) && value.every((entry) => isOption(field, entry)) ? (value as string[]) : undefined;
    case "rating":
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= field.max ? (value as number) : undefined;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : undefined;
    case "free_text":
      return typeof value === "string" ? value : undefined;
    case "rubric": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
      const scores = value as Record<string, unknown>;
      const kept = Object.fromEntries(
        field.criteria.flatMap((criterion) => {
          const score = scores[criterion.key];
          const fits = criterion.scale === "pass_fail" ? typeof score === "boolean" : Number.isInteger(score) && (score as number) >= 1 && (score as number) <= 5;
          return fits ? [[criterion.key, score as RubricScore]] : [];
        }),
      );
      return Object.keys(kept).length > 0 ? kept : undefined;
    }
    case "pairwise": {
      const answer = value as PairwiseAnswer | null;
      return answer && typeof answer === "object" && ["a", "b", "tie"].includes(answer.choice) ? answer : undefined;
    }
  }
}

/** The draft's values that still fit their fields, as they were typed. */
export function keepFittingValues(fields: readonly LabelField[], values: Record<string, unknown>): LabelValues {
  const kept: LabelValues = {};
  for (const field of fields) {
    const value = keepDraftValue(field, values[field.key]);
    if (value !== undefined) kept[field.key] = value;
  }
  return kept;
}
