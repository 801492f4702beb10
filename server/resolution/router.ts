import { requireRole, router } from "@/server/api/trpc";
import { finalizeGoldSchema, listConflictsSchema, queueItemIdSchema } from "./schema";
import { finalizeGold } from "./service";
import { getConflict, getShared, listConflicts } from "./view-service";

export const resolutionRouter = router({
  listConflicts: requireRole("lead")
    .input(listConflictsSchema)
    .query(({ ctx, input }) => listConflicts(ctx.db, ctx.membership.projectId, input.queueId)),
  getConflict: requireRole("lead")
    .input(queueItemIdSchema)
    .query(({ ctx, input }) => getConflict(ctx.db, ctx.membership.projectId, input.queueItemId)),
  // Annotators may open it only for items they answered; the service checks that.
  getShared: requireRole("annotator")
    .input(queueItemIdSchema)
    .query(({ ctx, input }) => getShared(ctx.db, ctx.actor, input.queueItemId)),
  finalize: requireRole("lead")
    .input(finalizeGoldSchema)
    .mutation(({ ctx, input }) => finalizeGold(ctx.db, ctx.actor, input)),
});
