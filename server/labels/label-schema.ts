import { z } from "zod";
import { correctionConsensusSchema, isAnswerField, isCorrectedOutputField, schemaFieldSchema, type CorrectedOutputField, type LabelField, type SchemaField } from "./field-types";

export { correctionConsensusSchema, type CorrectionConsensus } from "./field-types";

/** The corrected output's title when nobody named it: from `allowCorrection` alone, or new in the builder. */
export const DEFAULT_CORRECTION_TITLE = "Corrected output";

/** A key for a new corrected-output field that no other field has: `corrected_output`, else `corrected_output_2`, `_3`… */
export function freeCorrectionKey(taken: ReadonlySet<string>): string {
  let key = "corrected_output";
  for (let suffix = 2; taken.has(key); suffix += 1) key = `corrected_output_${suffix}`;
  return key;
}

/**
 * What an annotator fills in: 1–12 answer fields of any type, optionally the corrected output among them,
 * and an optional note. Field keys are distinct (answers and gold are stored under them), at most one field
 * is pairwise (a pairwise queue compares an item's candidates once) and at most one is the corrected output.
 *
 * `allowCorrection` and `correctionConsensus` are the older way to ask for a correction: a schema without a
 * corrected-output field gets one from them (allowCorrection defaults to true, so older clients keep their
 * correction). After parsing both always describe the corrected-output field, so code that only needs to
 * know whether there is a correction, and how it agrees, reads them.
 */
export const labelSchemaV2Schema = z
  .object({
    fields: z.array(schemaFieldSchema, "fields is a list").min(1, "give at least 1 field").max(13, "give at most 12 fields and a corrected output"),
    allowNote: z.boolean("allowNote is true or false").default(true),
    allowCorrection: z.boolean("allowCorrection is true or false").optional(),
    correctionConsensus: correctionConsensusSchema.default({ rule: "identical" }),
  })
  .refine((schema) => findDuplicateKey(schema.fields) === undefined, {
    path: ["fields"],
    error: (issue) => `two fields have the key ${findDuplicateKey((issue.input as { fields: { key: string }[] }).fields)}; give each its own`,
  })
  .refine((schema) => schema.fields.filter((field) => field.type === "pairwise").length <= 1, { path: ["fields"], message: "a queue has at most one pairwise field" })
  .refine((schema) => schema.fields.filter(isCorrectedOutputField).length <= 1, { path: ["fields"], message: "a queue has at most one corrected output field" })
  .refine((schema) => schema.fields.some(isAnswerField), { path: ["fields"], message: "give at least 1 field besides the corrected output" })
  .refine((schema) => schema.fields.filter(isAnswerField).length <= 12, { path: ["fields"], message: "give at most 12 fields besides the corrected output" })
  .refine((schema) => !(schema.allowCorrection === false && schema.fields.some(isCorrectedOutputField)), {
    path: ["allowCorrection"],
    message: "allowCorrection is false but a field is the corrected output; remove one of them",
  })
  .transform(({ fields, allowNote, allowCorrection, correctionConsensus }) => {
    const given = fields.find(isCorrectedOutputField);
    const correction = given ?? (allowCorrection === false ? undefined : defaultCorrectionField(fields, correctionConsensus));
    return {
      fields: given || !correction ? fields : [...fields, correction],
      allowNote,
      allowCorrection: correction !== undefined,
      correctionConsensus: correction?.consensus ?? correctionConsensus,
    };
  });

function defaultCorrectionField(fields: readonly SchemaField[], consensus: CorrectedOutputField["consensus"]): CorrectedOutputField {
  const key = freeCorrectionKey(new Set(fields.map((field) => field.key)));
  return { type: "corrected_output", key, title: DEFAULT_CORRECTION_TITLE, hint: "", required: true, consensus };
}

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

const answerFieldsOf = new WeakMap<readonly SchemaField[], LabelField[]>();

/**
 * The fields whose answers are values (every field but the corrected output), in schema order. The same
 * list comes back for the same schema, so pages can pass it to hooks and memos without re-running them.
 */
export function answerFields(labelSchema: { fields: readonly SchemaField[] }): LabelField[] {
  let fields = answerFieldsOf.get(labelSchema.fields);
  if (!fields) {
    fields = labelSchema.fields.filter(isAnswerField);
    answerFieldsOf.set(labelSchema.fields, fields);
  }
  return fields;
}

/** The schema's corrected-output field, if it asks for a correction. */
export function correctionField(labelSchema: { fields: readonly SchemaField[] }): CorrectedOutputField | undefined {
  return labelSchema.fields.find(isCorrectedOutputField);
}
