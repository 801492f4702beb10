import { labelSchemaSchema, type LabelSchema } from "@/server/queues/schema";
import { AnswerValueError, checkAnswerValues, type LabelValues } from "@/server/labels/answer-values";
import { ValidationError } from "@/server/lib/errors";
import { answerFields } from "@/server/labels/label-schema";

/** Reads a queue's stored label schema; it was validated when the queue was created. */
export function parseLabelSchema(stored: unknown): LabelSchema {
  return labelSchemaSchema.parse(stored);
}

/**
 * Checks an answer's values against a label schema: every required field answered in its type's shape,
 * optional ones answered or left out, nothing else. Errors name `values.<key>` (or a criterion below it) so
 * the form can point at it. Returns the values in schema order, normalised.
 */
export function validateLabelValues(labelSchema: LabelSchema, values: Record<string, unknown>): LabelValues {
  try {
    return checkAnswerValues(answerFields(labelSchema), values);
  } catch (error) {
    if (error instanceof AnswerValueError) throw new ValidationError(error.message, { field: error.path });
    throw error;
  }
}

/**
 * The fields of an unfinished answer that are already valid, the rest left out: a shared answer as it
 * stands, shown to a lead, may have fields empty or half-written.
 */
export function keepValidValues(labelSchema: LabelSchema, values: Record<string, unknown>): LabelValues {
  const kept: LabelValues = {};
  for (const field of answerFields(labelSchema)) {
    if (values[field.key] === undefined) continue;
    try {
      Object.assign(kept, checkAnswerValues([{ ...field, required: false }], { [field.key]: values[field.key] }));
    } catch (error) {
      if (!(error instanceof AnswerValueError)) throw error;
    }
  }
  return kept;
}

/** Refuses parts of an answer the queue does not take. */
export function checkOptionalParts(labelSchema: LabelSchema, parts: { note?: string; correctionState?: string }): void {
  if (parts.note && !labelSchema.allowNote) throw new ValidationError("note: this queue takes no note", { field: "note" });
  if (parts.correctionState !== undefined && !labelSchema.allowCorrection) {
    throw new ValidationError("correctionState: this queue takes no correction", { field: "correctionState" });
  }
}
