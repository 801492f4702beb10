import { z } from "zod";

export type FieldClasses = { key: string; classes: string[] };

// Only what a fit needs; the full schema was validated when the queue was created (or imported).
const storedFieldsSchema = z.object({
  fields: z.array(z.looseObject({ key: z.string(), type: z.string(), options: z.array(z.object({ value: z.string() })).optional() })),
});

/** Each single-choice field of a stored label schema with its option values, in schema order: a fit's classes. */
export function readFieldClasses(labelSchema: unknown): FieldClasses[] {
  return storedFieldsSchema
    .parse(labelSchema)
    .fields.filter((field) => field.type === "categorical")
    .map((field) => ({ key: field.key, classes: (field.options ?? []).map((option) => option.value) }));
}
