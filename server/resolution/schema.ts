import { z } from "zod";
import { yjsStateSchema } from "@/server/review/schema";

export const goldMethods = ["unanimous", "majority", "dawid_skene", "adjudicated"] as const;
export type GoldMethod = (typeof goldMethods)[number];

export const listConflictsSchema = z.object({ queueId: z.uuid("pick a queue of this project").optional() });

export const queueItemIdSchema = z.object({ queueItemId: z.number().int("queueItemId must be an item id").positive("queueItemId must be an item id") });

export const finalizeGoldSchema = queueItemIdSchema.extend({
  values: z.record(z.string(), z.string().min(1, "pick the gold label")),
  /** The lead's copy of the shared gold document (see yjsStateSchema); absent when the queue takes no correction. */
  correctionState: yjsStateSchema.optional(),
  note: z.string().trim().max(5_000, "keep the note to 5,000 characters").optional(),
});
export type FinalizeGoldInput = z.infer<typeof finalizeGoldSchema>;
