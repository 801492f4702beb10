import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";
import { granularities } from "@/server/metrics/catalog";
import { queueIdSchema } from "@/server/queues/schema";

export const queueAgreementSchema = queueIdSchema.extend({
  /** One field of the queue's label schema (or one part, `rubric.criterion`, `multi.option`); every field when absent. */
  fieldKey: safeText(81, { error: "fieldKey is a field key of the queue's label schema", tooLong: "fieldKey is at most 81 characters" }).optional(),
  granularity: z.enum(granularities, "granularity is hour or day").default("day"),
});
export type QueueAgreementInput = z.infer<typeof queueAgreementSchema>;

/** Bootstrap draws behind every interval on the page: enough for a stable 95 % percentile interval, cheap on 100k items. */
export const AGREEMENT_BOOTSTRAP = { replicates: 200, seed: 1, confidence: 0.95 } as const;

/** Cohen's κ of a pair of annotators is shown only when they answered at least this many items in common. */
export const MIN_SHARED_ITEMS = 10;

/** How far back the α-over-time chart reaches: two weeks of hours, half a year of days. */
export const ALPHA_HISTORY_DAYS = { hour: 14, day: 180 } as const;
