import { z } from "zod";
import { labelFieldSchema } from "./field-types";

/**
 * How the reviewers' corrected outputs become the gold correction: `identical` (equal after whitespace is
 * normalised) or `medoid`, the correction closest to the others when every one lies within `maxDistance`
 * (a share of the text) of it.
 */
export const correctionConsensusSchema = z.discriminatedUnion(
  "rule",
  [
    z.object({ rule: z.literal("identical") }),
    z.object({
      rule: z.literal("medoid"),
      maxDistance: z.number("maxDistance is a share of the text from 0 to 1").min(0, "maxDistance is 0 to 1").max(1, "maxDistance is 0 to 1"),
    }),
  ],
  "correctionConsensus is { rule: identical } or { rule: medoid, maxDistance }",
);
export type CorrectionConsensus = z.infer<typeof correctionConsensusSchema>;

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
    correctionConsensus: correctionConsensusSchema.default({ rule: "identical" }),
  })
  .refine((schema) => findDuplicateKey(schema.fields) === undefined, {
    path: ["fields"],
    error: (issue) => `two fields have the key ${findDuplicateKey((issue.input as { fields: { key: string }[] }).fields)}; give each its own`,
  })
  .refine((schema) => schema.fields.filter((field) => field.type === "pairwise").length <= 1, { path: ["fields"], message: "a queue has at most one pairwise field" });

/** The first field key used twice, if any. */
function findDuplicateKey(fields: readonly { key: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const { key } of fields) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return undefined;
}

export type LabelSchemaV2 = z.infer<typeof labelSchemaV2Schema>;

