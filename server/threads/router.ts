import { requireRole, router } from "@/server/api/trpc";
import { threadForAssignmentSchema, threadForItemSchema } from "./schema";
import { getThreadForAssignment, getThreadForItem } from "./service";

export const threadsRouter = router({
  // The assignment must be the caller's own; the service checks that.
  getForAssignment: requireRole("annotator")
    .input(threadForAssignmentSchema)
    .query(({ ctx, input }) => getThreadForAssignment(ctx.db, ctx.actor, input.assignmentId)),
  getForItem: requireRole("lead")
    .input(threadForItemSchema)
    .query(({ ctx, input }) => getThreadForItem(ctx.db, ctx.membership.projectId, input.queueItemId)),
});
