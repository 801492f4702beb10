import { requireRole, router } from "@/server/api/trpc";
import { assignmentIdSchema, claimNextSchema, skipAssignmentSchema, submitAnnotationSchema } from "./schema";
import { claimNext, getReviewTask, heartbeat, listMyItems, skipAssignment } from "./service";
import { submitAnnotation } from "./submit-service";

// Leads and admins hold the annotator role too, so they can review like anyone else.
const annotatorProcedure = requireRole("annotator");
const actorOf = (ctx: { membership: { projectId: string }; user: { id: string } }) => ({ projectId: ctx.membership.projectId, userId: ctx.user.id });

export const reviewRouter = router({
  get: annotatorProcedure.input(assignmentIdSchema).query(({ ctx, input }) => getReviewTask(ctx.db, actorOf(ctx), input.assignmentId)),
  claimNext: annotatorProcedure.input(claimNextSchema).mutation(({ ctx, input }) => claimNext(ctx.db, actorOf(ctx), input)),
  heartbeat: annotatorProcedure.input(assignmentIdSchema).mutation(({ ctx, input }) => heartbeat(ctx.db, actorOf(ctx), input.assignmentId)),
  skip: annotatorProcedure.input(skipAssignmentSchema).mutation(({ ctx, input }) => skipAssignment(ctx.db, actorOf(ctx), input)),
  submit: annotatorProcedure.input(submitAnnotationSchema).mutation(({ ctx, input }) => submitAnnotation(ctx.db, actorOf(ctx), input)),
  myItems: annotatorProcedure.query(({ ctx }) => listMyItems(ctx.db, actorOf(ctx))),
});
