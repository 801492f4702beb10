import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

/**
 * Label schema v2: the field types a queue can ask for, each with its own consensus policy. Client-safe
 * (zod only): the queue form, the review form and the services parse with these same schemas.
 */

export const labelFieldTypes = ["categorical", "multi_select", "rating", "number", "free_text", "rubric", "pairwise"] as const;
export type LabelFieldType = (typeof labelFieldTypes)[number];

export const fieldKeySchema = safeText(40).regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "use lowercase letters, digits, - and _ (at most 40)");

const titleSchema = safeText(80, { trim: true }).min(1, "give it a title");
const hintSchema = safeText(300, { trim: true, tooLong: "keep the hint to 300 characters" }).default("");
const shareSchema = (name: string) => z.number(`${name} is a number above 0.5`).gt(0.5, `${name} must be above 0.5`).max(1, `${name} is at most 1`);

export const labelOptionSchema = z.object({
  value: fieldKeySchema,
  title: safeText(80, { trim: true }).min(1, "give the option a title"),
  hint: safeText(200, { trim: true }).optional(),
});
export type LabelOption = z.infer<typeof labelOptionSchema>;

const optionsSchema = z
  .array(labelOptionSchema, "options is a list")
  .min(2, "give at least 2 options")
  .max(20, "give at most 20 options")
  .refine((options) => new Set(options.map((option) => option.value)).size === options.length, "option values must be distinct");

/** What every field has: a key answers are stored under, a title and hint shown to reviewers, and whether it must be answered. */
const commonShape = {
  key: fieldKeySchema,
  title: titleSchema,
  hint: hintSchema,
  required: z.boolean("required is true or false").default(true),
};

/** Equal answers only, or the top value's share at or above a threshold (above one half, so one winner). */
const choiceConsensusSchema = z.discriminatedUnion(
  "rule",
  [z.object({ rule: z.literal("unanimous") }), z.object({ rule: z.literal("majority"), threshold: shareSchema("threshold") })],
  "consensus.rule is unanimous or majority",
);

export const categoricalFieldSchema = z.object({
  type: z.literal("categorical"),
  ...commonShape,
  options: optionsSchema,
  consensus: choiceConsensusSchema.optional(),
});
export type CategoricalField = z.infer<typeof categoricalFieldSchema>;

export const multiSelectFieldSchema = z.object({
  type: z.literal("multi_select"),
  ...commonShape,
  options: optionsSchema,
  /** Each option is in the gold when at least this share of answers ticked it, out when at most 1 − share did. */
  consensus: z.object({ rule: z.literal("per_option"), threshold: shareSchema("threshold") }, "consensus is { rule: per_option, threshold }").default({ rule: "per_option", threshold: 0.6 }),
});
export type MultiSelectField = z.infer<typeof multiSelectFieldSchema>;

/** Mean or median of the answers, gold only when they lie within `maxSpread` of each other (max − min). */
const spreadConsensusSchema = z.object(
  {
    rule: z.enum(["mean", "median"], "consensus.rule is mean or median"),
    maxSpread: z.number("maxSpread is a number").min(0, "maxSpread is at least 0").max(1e12, "maxSpread is too large"),
  },
  "consensus is { rule: mean or median, maxSpread }",
);

export const ratingFieldSchema = z
  .object({
    type: z.literal("rating"),
    ...commonShape,
    /** The scale runs from 1 to `max`. */
    max: z.number("max is a whole number from 2 to 10").int("max is a whole number from 2 to 10").min(2, "max is at least 2").max(10, "max is at most 10"),
    /** What a point means, for as many points as the lead names (1 = the lowest), e.g. "1: useless", "5: perfect". */
    anchors: z.array(safeText(80, { trim: true }), "anchors is a list of texts").max(10, "name at most 10 anchors").default([]),
    consensus: spreadConsensusSchema.default({ rule: "median", maxSpread: 1 }),
  })
  .refine((field) => field.anchors.length <= field.max, { path: ["anchors"], message: "give at most one anchor per point of the scale" });
export type RatingField = z.infer<typeof ratingFieldSchema>;

const finite = (name: string) => z.number(`${name} is a number`).finite(`${name} is a number`).min(-1e12, `${name} is too small`).max(1e12, `${name} is too large`);

export const numberFieldSchema = z
  .object({
    type: z.literal("number"),
    ...commonShape,
    min: finite("min"),
    max: finite("max"),
    step: z.number("step is a number above 0").positive("step is above 0").max(1e12, "step is too large").default(1),
    unit: safeText(20, { trim: true, tooLong: "keep the unit to 20 characters" }).default(""),
    consensus: spreadConsensusSchema.default({ rule: "median", maxSpread: 0 }),
  })
  .refine((field) => field.max > field.min, { path: ["max"], message: "max must be above min" });
export type NumberField = z.infer<typeof numberFieldSchema>;

/** The medoid answer (closest to all others by normalised edit distance), gold when every answer is within `maxDistance` of it. */
const medoidConsensusSchema = z.object(
  { rule: z.literal("medoid"), maxDistance: z.number("maxDistance is a number from 0 to 1").min(0, "maxDistance is 0 to 1").max(1, "maxDistance is 0 to 1") },
  "consensus is { rule: medoid, maxDistance }",
);

export const freeTextFieldSchema = z.object({
  type: z.literal("free_text"),
  ...commonShape,
  maxLength: z.number("maxLength is a whole number").int("maxLength is a whole number").min(1, "maxLength is at least 1").max(20_000, "maxLength is at most 20,000").default(2_000),
  consensus: medoidConsensusSchema.default({ rule: "medoid", maxDistance: 0.3 }),
});
export type FreeTextField = z.infer<typeof freeTextFieldSchema>;

export const rubricScales = ["pass_fail", "one_to_five"] as const;
export type RubricScale = (typeof rubricScales)[number];

export const rubricCriterionSchema = z.object({
  key: fieldKeySchema,
  title: titleSchema,
  description: safeText(500, { trim: true, tooLong: "keep the description to 500 characters" }).default(""),
  scale: z.enum(rubricScales, "scale is pass_fail or one_to_five"),
  /** Carried into eval exports as an assertion: the output must pass (or score 4–5 on) this criterion. */
  assertion: z.boolean("assertion is true or false").default(false),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricFieldSchema = z.object({
  type: z.literal("rubric"),
  ...commonShape,
  criteria: z
    .array(rubricCriterionSchema, "criteria is a list")
    .min(1, "give at least 1 criterion")
    .max(12, "give at most 12 criteria")
    .refine((criteria) => new Set(criteria.map((criterion) => criterion.key)).size === criteria.length, "criterion keys must be distinct"),
  /** Each criterion on its own: pass/fail by majority at `threshold`, 1–5 by median within `maxSpread`. */
  consensus: z
    .object({ rule: z.literal("per_criterion"), threshold: shareSchema("threshold"), maxSpread: z.number("maxSpread is a number from 0 to 4").min(0, "maxSpread is 0 to 4").max(4, "maxSpread is 0 to 4") }, "consensus is { rule: per_criterion, threshold, maxSpread }")
    .default({ rule: "per_criterion", threshold: 0.6, maxSpread: 1 }),
});
export type RubricField = z.infer<typeof rubricFieldSchema>;

export const pairwiseChoices = ["a", "b", "tie"] as const;
export type PairwiseChoice = (typeof pairwiseChoices)[number];

export const pairwiseFieldSchema = z.object({
  type: z.literal("pairwise"),
  ...commonShape,
  /** Ask how strongly the chosen candidate is better (1 slightly, 2 clearly, 3 much). */
  askStrength: z.boolean("askStrength is true or false").default(true),
  /** The majority of a/b/tie at `threshold` wins; without one, `onSplit` says whether the split is a tie or goes to a lead. */
  consensus: z
    .object({ rule: z.literal("majority"), threshold: shareSchema("threshold"), onSplit: z.enum(["tie", "conflict"], "onSplit is tie or conflict") }, "consensus is { rule: majority, threshold, onSplit }")
    .default({ rule: "majority", threshold: 0.6, onSplit: "conflict" }),
});
export type PairwiseField = z.infer<typeof pairwiseFieldSchema>;

const answerFieldSchemas = [categoricalFieldSchema, multiSelectFieldSchema, ratingFieldSchema, numberFieldSchema, freeTextFieldSchema, rubricFieldSchema, pairwiseFieldSchema] as const;

/** A field whose answer is stored under its key in the annotation's values. */
export const labelFieldSchema = z.discriminatedUnion("type", answerFieldSchemas, `type is one of ${labelFieldTypes.join(", ")}`);
export type LabelField = z.infer<typeof labelFieldSchema>;

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
  "consensus is { rule: identical } or { rule: medoid, maxDistance }",
);
export type CorrectionConsensus = z.infer<typeof correctionConsensusSchema>;

/**
 * The corrected output: the model's answer as annotators rewrite it in the item's Yjs document. Its text is
 * the annotation's correction, not a value under its key. Required: the item is gold only when the
 * corrections agree; optional: when they do not, the gold is made without a correction.
 */
export const correctedOutputFieldSchema = z.object({
  type: z.literal("corrected_output"),
  ...commonShape,
  consensus: correctionConsensusSchema.default({ rule: "identical" }),
});
export type CorrectedOutputField = z.infer<typeof correctedOutputFieldSchema>;

export const schemaFieldTypes = [...labelFieldTypes, "corrected_output"] as const;
export type SchemaFieldType = (typeof schemaFieldTypes)[number];

/** Any field of a label schema: an answer field, or the corrected output. */
export const schemaFieldSchema = z.discriminatedUnion("type", [...answerFieldSchemas, correctedOutputFieldSchema], `type is one of ${schemaFieldTypes.join(", ")}`);
export type SchemaField = z.infer<typeof schemaFieldSchema>;

export const isCorrectedOutputField = (field: SchemaField): field is CorrectedOutputField => field.type === "corrected_output";
export const isAnswerField = (field: SchemaField): field is LabelField => field.type !== "corrected_output";
