import { AnswerValueError, checkAnswerValues, type LabelValues } from "@/server/labels/answer-values";
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

/** The draft's values that still fit their fields (a draft kept across a reload may predate a schema change). */
export function keepFittingValues(fields: readonly LabelField[], values: Record<string, unknown>): LabelValues {
  const kept: LabelValues = {};
  for (const field of fields) {
    if (values[field.key] === undefined) continue;
    try {
      Object.assign(kept, checkAnswerValues([{ ...field, required: false }], { [field.key]: values[field.key] }));
    } catch (error) {
      if (!(error instanceof AnswerValueError)) throw error;
    }
  }
  return kept;
}
