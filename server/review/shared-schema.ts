import type { z } from "zod";
import { yjsStateSchema } from "@/server/items/schema";
import { assignmentIdSchema } from "./schema";

/** An approval of a collaborative item's shared answer as it stands; `documentState` is the caller's copy of the shared document (base64). */
export const approveSharedAnswerSchema = assignmentIdSchema.extend({ documentState: yjsStateSchema.optional() });
export type ApproveSharedAnswerInput = z.infer<typeof approveSharedAnswerSchema>;
