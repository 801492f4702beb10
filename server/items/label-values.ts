import { labelSchemaSchema, type LabelSchema } from "@/server/queues/schema";
import { ValidationError } from "@/server/lib/errors";

/** Reads a queue's stored label schema; it was validated when the queue was created. */
export function parseLabelSchema(stored: unknown): LabelSchema {
  return labelSchemaSchema.parse(stored);
}

/**
 * Checks chosen values against a label schema: every field answered with one of its options, nothing
 * else. Errors name `values.<key>` so the form can point at the field. Returns the values in schema order.
 */
export function validateLabelValues(labelSchema: LabelSchema, values: Record<string, string>): Record<string, string> {
  const known = new Set(labelSchema.fields.map((field) => field.key));
  const unknown = Object.keys(values).find((key) => !known.has(key));
  if (unknown !== undefined) throw new ValidationError(`values.${unknown}: this queue has no such field`, { field: `values.${unknown}` });
  const checked: Record<string, string> = {};
  for (const field of labelSchema.fields) {
    const value = values[field.key];
    const path = `values.${field.key}`;
    if (value === undefined) throw new ValidationError(`${path}: pick a ${field.title.toLowerCase()}`, { field: path });
    if (!field.options.some((option) => option.value === value)) {
      throw new ValidationError(`${path}: pick one of ${field.options.map((option) => option.value).join(", ")}`, { field: path });
    }
    checked[field.key] = value;
  }
  return checked;
}

/** Refuses parts of an answer the queue does not take. */
export function checkOptionalParts(labelSchema: LabelSchema, parts: { note?: string; correctionState?: string }): void {
  if (parts.note && !labelSchema.allowNote) throw new ValidationError("note: this queue takes no note", { field: "note" });
  if (parts.correctionState !== undefined && !labelSchema.allowCorrection) {
    throw new ValidationError("correctionState: this queue takes no correction", { field: "correctionState" });
  }
}
