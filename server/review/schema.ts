import { z } from "zod";
import { labelValuesSchema, yjsStateSchema } from "@/server/items/schema";
import { safeText } from "@/server/lib/safe-text";

/** Reasons offered on the skip dialog; "other" asks for a sentence. */
export const skipReasons = ["unclear", "not_my_expertise", "harmful_content", "broken_input", "other"] as const;
export const skipReasonTitles: Record<(typeof skipReasons)[number], string> = {
  unclear: "Unclear what is being asked",
  not_my_expertise: "Outside my expertise",
  harmful_content: "Harmful or disturbing content",
  broken_input: "Broken or empty input",
  other: "Other",
};

export const claimNextSchema = z.object({
  queueId: z.uuid("queueId must be a queue id"),
  /** Assignments the client already holds (the task on screen), so a prefetch claims the one after it. */
  excludeAssignmentIds: z.array(z.number().int("assignment ids are whole numbers").positive("assignment ids are positive")).max(20, "exclude at most 20 assignments").default([]),
});
export type ClaimNextInput = z.input<typeof claimNextSchema>;

export const myProgressSchema = z.object({ queueId: z.uuid("queueId must be a queue id") });
export type MyProgressInput = z.infer<typeof myProgressSchema>;

/** After this many skips, an item nobody has answered leaves the queue ("skipped_out") once nobody holds it. */
export const SKIPS_TO_SKIP_OUT = 3;

export const assignmentIdSchema = z.object({ assignmentId: z.number().int("assignmentId must be an assignment id").positive("assignmentId must be an assignment id") });

export const skipAssignmentSchema = assignmentIdSchema.extend({
  reason: z.enum(skipReasons, "pick a reason for skipping"),
  detail: safeText(500, { trim: true, tooLong: "keep it to 500 characters" }).optional(),
}).refine((input) => input.reason !== "other" || (input.detail?.length ?? 0) > 0, { message: "say why you skip", path: ["detail"] });
export type SkipAssignmentInput = z.infer<typeof skipAssignmentSchema>;

export const submitAnnotationSchema = assignmentIdSchema.extend({
  /** Chosen option value by field key. */
  values: labelValuesSchema,
  note: safeText(5_000, { trim: true, tooLong: "keep the note to 5,000 characters" }).optional(),
  correctionState: yjsStateSchema.optional(),
  /** The label version the page showed; an answer that does not fit a newer one is refused on `schemaVersion`. */
  schemaVersion: z.number().int("schemaVersion is a version number").positive("schemaVersion is a version number").optional(),
  timeSpentMs: z.number().int("timeSpentMs is whole milliseconds").min(0, "timeSpentMs is 0 to a day").max(86_400_000, "timeSpentMs is 0 to a day").optional(),
});
export type SubmitAnnotationInput = z.infer<typeof submitAnnotationSchema>;

/** A changed answer to one of the caller's submitted assignments: the whole answer again, as on submit. */
export const editAnswerSchema = assignmentIdSchema.extend({
  values: labelValuesSchema,
  note: safeText(5_000, { trim: true, tooLong: "keep the note to 5,000 characters" }).optional(),
  correctionState: yjsStateSchema.optional(),
});
export type EditAnswerInput = z.infer<typeof editAnswerSchema>;

export const recentAnswersSchema = z.object({ queueId: z.uuid("queueId must be a queue id") });
