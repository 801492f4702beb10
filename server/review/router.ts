import { requireRole, router } from "@/server/api/trpc";
import { getMyProgress } from "./progress-service";
import { editMyAnswer, getMyAnswer, listMyRecentAnswers } from "./answer-service";
import { assignmentIdSchema, claimNextSchema, editAnswerSchema, myProgressSchema, recentAnswersSchema, skipAssignmentSchema, submitAnnotationSchema } from "./schema";
import { claimNext, getReviewTask, heartbeat, listMyItems, skipAssignment } from "./service";
import { escalateSharedItem } from "./shared-escalation";
import { approveSharedAnswerSchema, escalateSharedItemSchema } from "./shared-schema";
import { approveSharedAnswer, getSharedItem } from "./shared-service";
import { submitAnnotation } from "./submit-service";

// Leads and admins hold the annotator role too, so they can review like anyone else.
const annotatorProcedure = requireRole("annotator");
export const reviewRouter = router({
  get: annotatorProcedure.input(assignmentIdSchema).query(({ ctx, input }) => getReviewTask(ctx.db, ctx.actor, input.assignmentId)),
  claimNext: annotatorProcedure.input(claimNextSchema).mutation(({ ctx, input }) => claimNext(ctx.db, ctx.actor, input)),
  heartbeat: annotatorProcedure.input(assignmentIdSchema).mutation(({ ctx, input }) => heartbeat(ctx.db, ctx.actor, input.assignmentId)),
  skip: annotatorProcedure.input(skipAssignmentSchema).mutation(({ ctx, input }) => skipAssignment(ctx.db, ctx.actor, input)),
  // What became of the item stays on the server: a gold-check answer never changes it, so reporting it would
  // tell an annotator which items are gold checks.
  submit: annotatorProcedure.input(submitAnnotationSchema).mutation(async ({ ctx, input }) => {
    const { annotationId, alreadySubmitted } = await submitAnnotation(ctx.db, ctx.actor, input);
    return { annotationId, alreadySubmitted };
  }),
  // Collaborative queues: the shared item's approvals and authors, and approving its shared answer.
  shared: annotatorProcedure.input(assignmentIdSchema).query(({ ctx, input }) => getSharedItem(ctx.db, ctx.actor, input.assignmentId)),
  approve: annotatorProcedure.input(approveSharedAnswerSchema).mutation(({ ctx, input }) => approveSharedAnswer(ctx.db, ctx.actor, input)),
  escalate: annotatorProcedure.input(escalateSharedItemSchema).mutation(({ ctx, input }) => escalateSharedItem(ctx.db, ctx.actor, input)),
  myItems: annotatorProcedure.query(({ ctx }) => listMyItems(ctx.db, ctx.actor)),
  recentAnswers: annotatorProcedure.input(recentAnswersSchema).query(({ ctx, input }) => listMyRecentAnswers(ctx.db, ctx.actor, input.queueId)),
  getAnswer: annotatorProcedure.input(assignmentIdSchema).query(({ ctx, input }) => getMyAnswer(ctx.db, ctx.actor, input.assignmentId)),
  editAnswer: annotatorProcedure.input(editAnswerSchema).mutation(({ ctx, input }) => editMyAnswer(ctx.db, ctx.actor, input)),
  myProgress: annotatorProcedure.input(myProgressSchema).query(({ ctx, input }) => getMyProgress(ctx.db, ctx.actor, input)),
});
