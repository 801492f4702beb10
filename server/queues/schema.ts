import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";
import { signalKindSchema } from "@/server/ingest/schema";
import { fieldKeySchema, type CategoricalField, type SchemaField } from "@/server/labels/field-types";
import { labelSchemaV2Schema } from "@/server/labels/label-schema";

/** blind: each annotator answers alone; collaborative: the item's annotators co-edit one answer and approve it. */
export const queueModes = ["blind", "collaborative"] as const;
export type QueueMode = (typeof queueModes)[number];
export const queueItemStates = ["pending", "in_review", "needs_resolution", "conflict", "resolved", "skipped_out"] as const;
export type QueueItemState = (typeof queueItemStates)[number];

const keySchema = fieldKeySchema;

export { labelOptionSchema, type CategoricalField, type LabelField, type SchemaField } from "@/server/labels/field-types";

/**
 * What an annotator fills in: 1–12 fields of any type (label schema v2), an optional note and an optional
 * corrected output. Schemas stored before v2 (one single choice) parse unchanged.
 */
export const labelSchemaSchema = labelSchemaV2Schema;
export type LabelSchema = z.infer<typeof labelSchemaSchema>;

/** Whether the queue compares candidates: it then reviews only outputs ingested with two or more. */
export function isPairwiseSchema(labelSchema: { fields: readonly SchemaField[] }): boolean {
  return labelSchema.fields.some((field) => field.type === "pairwise");
}

/** The queue's single-choice fields: what Dawid–Skene, agreement and the detectors measure. */
export function choiceFields(labelSchema: { fields: readonly SchemaField[] }): CategoricalField[] {
  return labelSchema.fields.filter((field): field is CategoricalField => field.type === "categorical");
}

/** The queue's first single-choice field: the one Dawid–Skene, agreement, suggestions and the loop detectors read. */
export function primaryChoiceField(labelSchema: { fields: readonly SchemaField[] }): CategoricalField | undefined {
  return labelSchema.fields.find((field): field is CategoricalField => field.type === "categorical");
}

export const strataKinds = ["none", "model", "tag", "metadata"] as const;
export type StrataKind = (typeof strataKinds)[number];
export const threadModes = ["every_output", "last_turn"] as const;
export type ThreadMode = (typeof threadModes)[number];

const optionalCount = (name: string, max: number) =>
  z
    .number(`${name} is a whole number`)
    .int(`${name} is a whole number`)
    .min(1, `${name} is at least 1 (leave it empty for no limit)`)
    .max(max, `${name} is at most ${max.toLocaleString("en")}`)
    .nullable()
    .default(null);

/**
 * Which outputs a queue takes, and with what probability. Every filter present must match; see the README's
 * "Sampling" for how strata, quotas, priority, the floor ε, the budget and the pending cap set π exactly.
 * Every field added after the first version has a default, so rules stored before it parse unchanged.
 */
export const samplingRuleSchema = z
  .object({
    /** Any of these models; empty or absent means every model. */
    models: z.array(safeText(200, { trim: true, tooLong: "a model name is at most 200 characters" }).min(1, "model names must not be empty")).max(100, "name at most 100 models").default([]),
    /** Every one of these tags. */
    tags: z.array(safeText(100, { trim: true, tooLong: "a tag is at most 100 characters" }).min(1, "tags must not be empty")).max(50, "name at most 50 tags").default([]),
    /** Metadata key equals value, for every pair. */
    metadata: z.record(safeText(100), z.union([safeText(2_000), z.number(), z.boolean()])).default({}),
    /** At least one production signal of any of these kinds (for example thumbs_down); outputs without one are drawn at the floor ε only. */
    signals: z.array(signalKindSchema).default([]),
    /** The base inclusion probability of a matching output, before quotas, priority, budget and floor. */
    rate: z.number("rate is a number from 0 to 1").min(0, "rate is between 0 and 1").max(1, "rate is between 0 and 1"),
    /** What splits the population into strata, each with its own daily rate. */
    strataBy: z.enum(strataKinds, "strataBy is none, model, tag or metadata").default("none"),
    /** The metadata key whose value names the stratum (strataBy = metadata). */
    strataKey: safeText(100, { trim: true, tooLong: "the metadata key is at most 100 characters" }).default(""),
    /** The tags that name strata, first match wins, others fall in "other" (strataBy = tag). */
    strataTags: z.array(safeText(100, { trim: true, tooLong: "a tag is at most 100 characters" }).min(1, "tags must not be empty")).max(50, "name at most 50 stratum tags").default([]),
    /** At least this many expected items a day from each stratum: a stratum's rate rises to quota ÷ its daily volume. */
    quotaPerDay: optionalCount("quotaPerDay", 100_000),
    /** Signals that multiply an output's rate (negative feedback). */
    prioritySignals: z.array(signalKindSchema).default([]),
    /** A `score` signal below this also multiplies the rate (a low judge score); null: scores do not count. */
    priorityScoreBelow: z.number("priorityScoreBelow is a number").finite("priorityScoreBelow is a number").nullable().default(null),
    /** How many times more likely a prioritised output is drawn (π = min(1, rate × multiplier)). */
    priorityMultiplier: z.number("priorityMultiplier is a number from 1 to 1,000").min(1, "priorityMultiplier is at least 1").max(1_000, "priorityMultiplier is at most 1,000").default(1),
    /** The exploration floor ε: every output of the population has π ≥ ε, whatever budget, cap or signal filter say. */
    explorationFloor: z.number("explorationFloor is a number from 0 to 1").min(0, "explorationFloor is between 0 and 1").max(1, "explorationFloor is between 0 and 1").default(0),
    /** Expected items a day at most: the day's rates are scaled down to fit (never below ε). */
    dailyBudget: optionalCount("dailyBudget", 1_000_000),
    /** Pending items the queue may hold: a day that starts at or over the cap samples at ε only. */
    maxPending: optionalCount("maxPending", 1_000_000),
    /** every_output: each output is a unit; last_turn: only a thread's last turn, once the thread has been idle. */
    thread: z.enum(threadModes, "thread is every_output or last_turn").default("every_output"),
    /** Minutes without a new turn after which a thread's latest turn is its last. */
    threadIdleMinutes: z.number("threadIdleMinutes is a whole number").int("threadIdleMinutes is a whole number").min(1, "threadIdleMinutes is at least 1").max(10_080, "threadIdleMinutes is at most a week (10,080)").default(30),
  })
  .refine((rule) => rule.strataBy !== "metadata" || rule.strataKey !== "", { path: ["strataKey"], message: "name the metadata key that splits the strata" })
  .refine((rule) => rule.strataBy !== "tag" || rule.strataTags.length > 0, { path: ["strataTags"], message: "name at least one tag to split the strata by" })
  .refine((rule) => rule.priorityMultiplier <= 1 || rule.prioritySignals.length > 0 || rule.priorityScoreBelow !== null, {
    path: ["prioritySignals"],
    message: "tick a signal or set a score threshold for the multiplier to act on",
  });
export type SamplingRule = z.infer<typeof samplingRuleSchema>;

/** A whole rule from the fields that differ from the defaults (seeds, presets, tests). */
export const buildSamplingRule = (fields: z.input<typeof samplingRuleSchema>): SamplingRule => samplingRuleSchema.parse(fields);

export const suggestionDisplays = ["hidden", "preselected"] as const;
export type SuggestionDisplay = (typeof suggestionDisplays)[number];

/** The share of matching outputs drawn uniformly, whatever the signal filter says, for unbiased loop-health metrics. */
const holdoutFractionSchema = z.number("holdoutFraction is a number from 0 to 0.5").min(0, "holdoutFraction is 0 to 0.5").max(0.5, "holdoutFraction is 0 to 0.5");
const suggestionDisplaySchema = z.enum(suggestionDisplays, "suggestionDisplay is hidden or preselected");
/** The share of shown suggestions swapped for a different option, to measure who accepts suggestions unread. */
const decoyRateSchema = z.number("decoyRate is a number from 0 to 0.5").min(0, "decoyRate is 0 to 0.5").max(0.5, "decoyRate is 0 to 0.5");
/** Field key → the option values that count as "acceptable", for approval saturation. */
const approvalValuesSchema = z.record(keySchema, z.array(keySchema).max(9, "name at most 9 values per field"), "approvalValues maps a field key to option values");
export type ApprovalValues = z.infer<typeof approvalValuesSchema>;

/** A queue's loop-health settings, as the edit form sends them (every one, so nothing resets by omission). */
export const loopSettingsSchema = z.object({
  holdoutFraction: holdoutFractionSchema,
  suggestionDisplay: suggestionDisplaySchema,
  decoyRate: decoyRateSchema,
  approvalValues: approvalValuesSchema,
});
export type LoopSettings = z.infer<typeof loopSettingsSchema>;

/** Why approval values do not fit a label schema (a field it lacks, a value no option has), or null when they fit. */
export function findApprovalValuesIssue(labelSchema: LabelSchema, approvalValues: ApprovalValues): { fieldKey: string; message: string } | null {
  for (const [fieldKey, values] of Object.entries(approvalValues)) {
    const field = labelSchema.fields.find((candidate) => candidate.key === fieldKey);
    if (!field) return { fieldKey, message: `the label has no field ${fieldKey}` };
    if (field.type !== "categorical") return { fieldKey, message: `${field.title} is not a single choice: only single-choice answers can count as acceptable` };
    const unknown = values.find((value) => !field.options.some((option) => option.value === value));
    if (unknown !== undefined) return { fieldKey, message: `${unknown} is not an option of ${field.title}` };
  }
  return null;
}

export const consensusMethods = ["majority", "dawid_skene"] as const;
export type ConsensusMethod = (typeof consensusMethods)[number];

const consensusMethodSchema = z.enum(consensusMethods, "consensusMethod is majority or dawid_skene");
/** Share of votes a label needs to become gold without a lead. Above one half, so there is one winner. */
const majorityThresholdSchema = z.number("majorityThreshold is a number above 0.5").gt(0.5, "the threshold must be above 0.5").max(1, "the threshold is at most 1");
/** The Dawid–Skene posterior the most probable value needs to become gold without a lead. */
const minPosteriorSchema = z.number("minPosterior is a number from 0.5 to 1").min(0.5, "minPosterior is 0.5 to 1").max(1, "minPosterior is 0.5 to 1");
/** K for adaptive overlap: a disagreement asks for one more annotator, up to K; null keeps k fixed. At least k (checked by the service). */
const maxOverlapSchema = z.number("maxOverlap is a whole number from 1 to 9").int("maxOverlap is a whole number").min(1, "maxOverlap is 1–9").max(9, "maxOverlap is 1–9").nullable();
/** Share of claims served a gold item (a known answer) instead of a production item. */
const goldItemRateSchema = z.number("goldItemRate is a number from 0 to 0.5").min(0, "goldItemRate is 0 to 0.5").max(0.5, "goldItemRate is 0 to 0.5");
const gateMinAccuracySchema = z.number("gateMinAccuracy is a number from 0 to 1").min(0, "gateMinAccuracy is 0 to 1").max(1, "gateMinAccuracy is 0 to 1").nullable();
const gateMinGoldItemsSchema = z.number("gateMinGoldItems is a whole number").int("gateMinGoldItems is a whole number").min(1, "gateMinGoldItems is at least 1").max(1_000, "gateMinGoldItems is at most 1,000");
const dailyCapSchema = z.number("dailyCap is a whole number").int("dailyCap is a whole number").min(1, "dailyCap is at least 1").max(100_000, "dailyCap is at most 100,000").nullable();

/** k: how many annotators answer each item. */
const overlapSchema = z.number("overlap is a whole number from 1 to 5").int("overlap is a whole number from 1 to 5").min(1, "overlap is 1–5").max(5, "overlap is 1–5");
/** How long a claim is held without a heartbeat before its seat goes back. */
const leaseSecondsSchema = z.number("lease is a whole number of seconds").int("lease is a whole number of seconds").min(30, "lease is at least 30 seconds").max(86_400, "lease is at most a day");
const queueNameSchema = safeText(120, { trim: true }).min(1, "name the queue");
const instructionsSchema = safeText(20_000, { tooLong: "use at most 20,000 characters" });

/** A new queue. Approval values are checked against its label schema by the service, which names the field. */
export const createQueueSchema = z.object({
  name: queueNameSchema,
  instructions: instructionsSchema.default(""),
  labelSchema: labelSchemaSchema,
  overlap: overlapSchema,
  leaseSeconds: leaseSecondsSchema.default(600),
  mode: z.enum(queueModes, "mode is blind or collaborative").default("blind"),
  samplingRule: samplingRuleSchema,
  consensusMethod: consensusMethodSchema.default("majority"),
  majorityThreshold: majorityThresholdSchema.default(0.6),
  minPosterior: minPosteriorSchema.default(0.9),
  maxOverlap: maxOverlapSchema.default(null),
  goldItemRate: goldItemRateSchema.default(0),
  gateMinAccuracy: gateMinAccuracySchema.default(null),
  gateMinGoldItems: gateMinGoldItemsSchema.default(10),
  dailyCap: dailyCapSchema.default(null),
  holdoutFraction: holdoutFractionSchema.default(0),
  suggestionDisplay: suggestionDisplaySchema.default("hidden"),
  decoyRate: decoyRateSchema.default(0),
  approvalValues: approvalValuesSchema.default({}),
});
export type CreateQueueInput = z.infer<typeof createQueueSchema>;

export const queueIdSchema = z.object({ queueId: z.uuid("queueId must be a queue id") });

/** The create procedure's input: the queue, and whether to apply its rule to outputs already stored. */
export const createQueueRequestSchema = createQueueSchema.extend({ backfill: z.boolean().default(true) });
/** A label schema as written, before the defaults of its fields (hint, required, consensus) are filled in. */
export type LabelSchemaInput = z.input<typeof labelSchemaSchema>;

/**
 * A parsed create request; code that builds one (the demo, tests) may leave the loop settings at their
 * defaults and write the label schema without its fields' defaults (the service parses it).
 */
export type CreateQueueRequest = Omit<z.infer<typeof createQueueRequestSchema>, keyof LoopSettings | keyof QualitySettings | "labelSchema"> &
  Partial<LoopSettings & QualitySettings> & { labelSchema: LabelSchemaInput };

/** Loop settings of a queue created without any: no holdout, suggestions hidden, no decoys, no approval values. */
export const DEFAULT_LOOP_SETTINGS: LoopSettings = { holdoutFraction: 0, suggestionDisplay: "hidden", decoyRate: 0, approvalValues: {} };

export const updateLoopSettingsSchema = queueIdSchema.extend(loopSettingsSchema.shape);
export type UpdateLoopSettingsInput = z.infer<typeof updateLoopSettingsSchema>;

/** How a queue turns answers into gold and keeps its annotators honest, as the edit form sends it (every setting). */
export const qualitySettingsSchema = z.object({
  consensusMethod: consensusMethodSchema,
  majorityThreshold: majorityThresholdSchema,
  minPosterior: minPosteriorSchema,
  maxOverlap: maxOverlapSchema,
  goldItemRate: goldItemRateSchema,
  /** Pause an annotator on this queue when their gold accuracy is below this after gateMinGoldItems checks; null: no gate. */
  gateMinAccuracy: gateMinAccuracySchema,
  gateMinGoldItems: gateMinGoldItemsSchema,
  /** Most answers one annotator may give on this queue per UTC day; null: no cap. */
  dailyCap: dailyCapSchema,
});
export type QualitySettings = z.infer<typeof qualitySettingsSchema>;

/** Quality settings of a queue created without any: majority at 0.6, fixed k, no gold checks, no gate, no cap. */
export const DEFAULT_QUALITY_SETTINGS: QualitySettings = {
  consensusMethod: "majority",
  majorityThreshold: 0.6,
  minPosterior: 0.9,
  maxOverlap: null,
  goldItemRate: 0,
  gateMinAccuracy: null,
  gateMinGoldItems: 10,
  dailyCap: null,
};

export const updateQualitySettingsSchema = queueIdSchema.extend(qualitySettingsSchema.shape);
export type UpdateQualitySettingsInput = z.infer<typeof updateQualitySettingsSchema>;

/**
 * A queue's definition as the edit form sends it (every part, so nothing resets by omission). The label
 * schema is not here: changing it makes a new schema version (see the label-schema procedures).
 */
export const updateQueueDefinitionSchema = queueIdSchema.extend({
  name: queueNameSchema,
  instructions: instructionsSchema,
  overlap: overlapSchema,
  leaseSeconds: leaseSecondsSchema,
  samplingRule: samplingRuleSchema,
  /** Absent: unchanged. A switch is refused while items of the queue are claimed. */
  mode: z.enum(queueModes, "mode is blind or collaborative").optional(),
});
export type UpdateQueueDefinitionInput = z.infer<typeof updateQueueDefinitionSchema>;

/**
 * A new version of a queue's label schema, and where answers that chose a removed option go: old option
 * value → new option value, per field key (`{"verdict": {"partly": "wrong"}}`).
 */
export const updateLabelSchemaSchema = queueIdSchema.extend({
  labelSchema: labelSchemaSchema,
  optionMappings: z
    .record(fieldKeySchema, z.record(fieldKeySchema, fieldKeySchema, "map an old option value to a new one"), "optionMappings maps a field key to { old option: new option }")
    .default({}),
});
export type UpdateLabelSchemaInput = z.infer<typeof updateLabelSchemaSchema>;

/** The states a lead can filter a queue's item list by, or every item. */
export const queueItemListStates = ["all", ...queueItemStates] as const;
export type QueueItemListState = (typeof queueItemListStates)[number];

/** A page of a queue's items, newest first; `cursor` is the last item id of the previous page. */
export const listQueueItemsSchema = queueIdSchema.extend({
  state: z.enum(queueItemListStates, `state is one of ${queueItemListStates.join(", ")}`).default("all"),
  cursor: z.number("cursor must be an item id").int("cursor must be an item id").positive("cursor must be an item id").nullish(),
  limit: z.number("limit is a whole number from 1 to 100").int("limit is a whole number from 1 to 100").min(1, "limit is 1–100").max(100, "limit is 1–100").default(50),
});
export type ListQueueItemsInput = z.infer<typeof listQueueItemsSchema>;

/** Removing an item from its queue for good: the output never comes back to this queue. */
export const removeQueueItemSchema = z.object({
  queueItemId: z.number("queueItemId must be an item id").int("queueItemId must be an item id").positive("queueItemId must be an item id"),
  reason: safeText(500, { trim: true, tooLong: "keep the reason to 500 characters" }).min(3, "say why the item leaves the queue (at least 3 characters)"),
});
export type RemoveQueueItemInput = z.infer<typeof removeQueueItemSchema>;
