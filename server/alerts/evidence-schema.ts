import { z } from "zod";

/**
 * What an alert carries to show why it fired: the series, the threshold or null band, who and what is
 * involved, and items to look at. Stored in `alerts.evidence` and sent in `alert.*` webhooks (there
 * without people's names). A public contract: add fields, never rename them.
 */
const bandSchema = z.object({ lower: z.number().nullable(), upper: z.number().nullable() });

export const evidenceWindowSchema = z.object({
  window: z.iso.datetime(),
  /** The detector's statistic, or the rule's metric value; null when the window has too little data. */
  statistic: z.number().nullable(),
  band: bandSchema,
  /** The window's sample size. */
  n: z.number().int(),
  firing: z.boolean(),
  pValue: z.number().nullable(),
});
export type EvidenceWindow = z.infer<typeof evidenceWindowSchema>;

const definitionSchema = z.object({
  title: z.string(),
  summary: z.string(),
  formula: z.string(),
  nullModel: z.string(),
  defaultThreshold: z.string(),
  minSampleSize: z.number().int(),
});

const ruleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  metric: z.string(),
  comparator: z.string(),
  threshold: z.number(),
  sustainedWindows: z.number().int(),
  clearWindows: z.number().int(),
});

export const sampleItemSchema = z.object({ queueItemId: z.number().int(), queueId: z.uuid(), path: z.string() });

const evidenceFields = {
  granularity: z.string(),
  /** The built-in detector's definition, or null for a user rule. */
  definition: definitionSchema.nullable(),
  /** The user rule, or null for a built-in detector. */
  rule: ruleSchema.nullable(),
  statisticLabel: z.string(),
  metrics: z.array(z.string()),
  /** The last windows up to the one evaluated, oldest first. */
  series: z.array(evidenceWindowSchema),
  /** The rule's threshold, or null for a detector (whose band is in each window). */
  threshold: z.object({ comparator: z.string(), value: z.number() }).nullable(),
  /** The null band of the latest firing window, or null for a rule. */
  band: bandSchema.nullable(),
  latestFiringWindow: z.iso.datetime().nullable(),
  queue: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  feature: z.string().nullable(),
  /** Up to 10 queue items of the firing window, for the UI to link. */
  sampleItems: z.array(sampleItemSchema),
};

export const alertEvidenceSchema = z.object({ ...evidenceFields, annotator: z.object({ id: z.uuid(), name: z.string() }).nullable() });
export type AlertEvidence = z.infer<typeof alertEvidenceSchema>;

/** The evidence as webhooks send it: annotators by id only. */
export const webhookAlertEvidenceSchema = z.object({ ...evidenceFields, annotator: z.object({ id: z.uuid() }).strict().nullable() });
export type WebhookAlertEvidence = z.infer<typeof webhookAlertEvidenceSchema>;
