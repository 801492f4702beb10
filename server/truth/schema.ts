import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";
import { queueIdSchema } from "@/server/queues/schema";

export { queueIdSchema };

export const flagIdSchema = z.object({ flagId: z.number().int("flagId must be a flag id").positive("flagId must be a flag id") });

export const listFlagsSchema = queueIdSchema.extend({
  /** Open flags only (the default), or every flag with how it was closed. */
  includeClosed: z.boolean("includeClosed is true or false").default(false),
});

export const reopenFromFlagSchema = flagIdSchema.extend({
  note: safeText(2_000, { trim: true, tooLong: "keep the note to 2,000 characters" }).optional(),
});
export type ReopenFromFlagInput = z.infer<typeof reopenFromFlagSchema>;

/** The REST path's queue id. */
export const queuePathIdSchema = z.uuid("queueId must be a queue id");
