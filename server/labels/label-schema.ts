import { z } from "zod";
import { labelFieldSchema } from "./field-types";

/**
 * What an annotator fills in: 1–12 fields of any type, an optional note and an optional corrected output.
 * Field keys are distinct (answers and gold are stored under them), and at most one field is pairwise: a
 * pairwise queue compares an item's candidates once.
 */
export const labelSchemaV2Schema = z
  .object({
    fields: z.array(labelFieldSchema, "fields is a list").min(1, "give at least 1 field").max(12, "give at most 12 fields"),
    allowNote: z.boolean("allowNote is true or false").default(true),
    allowCorrection: z.boolean("allowCorrection is true or false").default(true),
  })
  .superRefine((schema, context) => {
    const seen = new Set<string>();
    let hasPairwise = false;
    schema.fields.forEach((field, index) => {
      if (seen.has(field.key)) context.addIssue({ code: "custom", path: ["fields", index, "key"], message: `another field already has the key ${field.key}` });
      seen.add(field.key);
      if (field.type !== "pairwise") return;
      if (hasPairwise) context.addIssue({ code: "custom", path: ["fields", index, "type"], message: "a queue has at most one pairwise field" });
      hasPairwise = true;
    });
  });
export type LabelSchemaV2 = z.infer<typeof labelSchemaV2Schema>;

