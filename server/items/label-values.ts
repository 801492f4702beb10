import { labelSchemaSchema, type LabelSchema } from "@/server/queues/schema";
import { AnswerValueError, checkAnswerValues } from "@/server/labels/answer-values";
import { labelFieldSchema } from "@/server/labels/field-types";
import { ValidationError } from "@/server/lib/errors";

/** Reads a queue's stored label schema; it was validated when the queue was created. */
export function parseLabelSchema(stored: unknown): LabelSchema {
  return labelSchemaSchema.parse(stored);
}

/**
 * Checks chosen values against a label schema: every field answered with one of its options, nothing
 * else. Errors name `values.<key>` so the form can point at the field. Returns the values in schema order.
 * The v1 schema's fields are single choices, so every checked value is an option value.
 */
export function validateLabelValues(labelSchema: LabelSchema, values: Record<string, string>): Record<string, string> {
  const fields = labelSchema.fields.map((field) => labelFieldSchema.parse(field));
  try {
    return checkAnswerValues(fields, values) as Record<string, string>;
  } catch (error) {
    if (error instanceof AnswerValueError) throw new ValidationError(error.message, { field: error.path });
    throw error;
  }
}

/** Refuses parts of an answer the queue does not take. */
export function checkOptionalParts(labelSchema: LabelSchema, parts: { note?: string; correctionState?: string }): void {
  if (parts.note && !labelSchema.allowNote) throw new ValidationError("note: this queue takes no note", { field: "note" });
  if (parts.correctionState !== undefined && !labelSchema.allowCorrection) {
    throw new ValidationError("correctionState: this queue takes no correction", { field: "correctionState" });
  }
}
