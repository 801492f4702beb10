import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";
import { labelValuesSchema, yjsStateSchema } from "@/server/items/schema";

export const goldMethods = ["unanimous", "majority", "dawid_skene", "adjudicated"] as const;
export type GoldMethod = (typeof goldMethods)[number];

export const listConflictsSchema = z.object({ queueId: z.uuid("pick a queue of this project").optional() });

export const queueItemIdSchema = z.object({ queueItemId: z.number().int("queueItemId must be an item id").positive("queueItemId must be an item id") });

export const finalizeGoldSchema = queueItemIdSchema.extend({
  values: labelValuesSchema,
  /** The lead's copy of the shared gold document (see yjsStateSchema); absent when the queue takes no correction. */
  correctionState: yjsStateSchema.optional(),
  note: safeText(5_000, { trim: true, tooLong: "keep the note to 5,000 characters" }).optional(),
});
export type FinalizeGoldInput = z.infer<typeof finalizeGoldSchema>;

export const reopenGoldSchema = queueItemIdSchema.extend({
  reason: safeText(2_000, { trim: true, tooLong: "keep the reason to 2,000 characters" }).min(3, "say why the gold needs revising (at least 3 characters)"),
});
export type ReopenGoldInput = z.infer<typeof reopenGoldSchema>;
