import { labelSchemaSchema, type LabelSchema } from "@/server/queues/schema";
import { toFieldDraft, toLabelSchemaInput, type FieldDraft } from "./field-draft-state";
import { fieldForIssuePath } from "./queue-form-state";
import type { SettingsValidation } from "./use-settings-form";

/** The label part of a queue as the edit form holds it. */
export type LabelSchemaDraft = { fields: FieldDraft[]; allowNote: boolean };

export function toLabelSchemaDraft(labelSchema: LabelSchema): LabelSchemaDraft {
  return { fields: labelSchema.fields.map(toFieldDraft), allowNote: labelSchema.allowNote };
}

/** Validates with the server's schema and puts each first message on the control it belongs to (`fields.<i>.<part>`). */
export function validateLabelSchemaDraft(draft: LabelSchemaDraft): SettingsValidation<LabelSchema> {
  const result = labelSchemaSchema.safeParse(toLabelSchemaInput(draft.fields, draft.allowNote));
  if (result.success) return { success: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    errors[fieldForIssuePath(["labelSchema", ...issue.path])] ??= issue.code === "invalid_type" && issue.expected === "number" ? "enter a number" : issue.message;
  }
  return { success: false, errors };
}
