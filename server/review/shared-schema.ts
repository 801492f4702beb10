import type { z } from "zod";
import { yjsStateSchema } from "@/server/items/schema";
import { safeText } from "@/server/lib/safe-text";
import { assignmentIdSchema } from "./schema";

/** An approval of a collaborative item's shared answer as it stands; `documentState` is the caller's copy of the shared document (base64). */
export const approveSharedAnswerSchema = assignmentIdSchema.extend({ documentState: yjsStateSchema.optional() });
export type ApproveSharedAnswerInput = z.infer<typeof approveSharedAnswerSchema>;

/** Hands a collaborative item to a lead, saying why the annotators cannot agree. */
export const escalateSharedItemSchema = assignmentIdSchema.extend({
  reason: safeText(500, { trim: true, tooLong: "keep the reason to 500 characters" }).min(1, "say why a lead should decide"),
});
export type EscalateSharedItemInput = z.infer<typeof escalateSharedItemSchema>;
