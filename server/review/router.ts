import { requireRole, router } from "@/server/api/trpc";
import { assignmentIdSchema, claimNextSchema, skipAssignmentSchema, submitAnnotationSchema } from "./schema";
import { claimNext, getReviewTask, heartbeat, listMyItems, skipAssignment } from "./service";
import { submitAnnotation } from "./submit-service";

// Leads and admins hold the annotator role too, so they can review like anyone else.
const annotatorProcedure = requireRole("annotator");
export const reviewRouter = router({
  get: annotatorProcedure.input(assignmentIdSchema).query(({ ctx, input }) => getReviewTask(ctx.db, ctx.actor, input.assignmentId)),
  claimNext: annotatorProcedure.input(claimNextSchema).mutation(({ ctx, input }) => claimNext(ctx.db, ctx.actor, input)),
  heartbeat: annotatorProcedure.input(assignmentIdSchema).mutation(({ ctx, input }) => heartbeat(ctx.db, ctx.actor, input.assignmentId)),
  skip: annotatorProcedure.input(skipAssignmentSchema).mutation(({ ctx, input }) => skipAssignment(ctx.db, ctx.actor, input)),
  submit: annotatorProcedure.input(submitAnnotationSchema).mutation(({ ctx, input }) => submitAnnotation(ctx.db, ctx.actor, input)),
  myItems: annotatorProcedure.query(({ ctx }) => listMyItems(ctx.db, ctx.actor)),
});
