import { requireRole, router } from "@/server/api/trpc";
import { finalizeGoldSchema, listConflictsSchema, queueItemIdSchema, reopenGoldSchema } from "./schema";
import { finalizeGold } from "./service";
import { cancelReopen, getGoldHistory, reopenGold } from "./revision-service";
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
  // Same access as getShared: leads, and annotators for items they answered.
  goldHistory: requireRole("annotator")
    .input(queueItemIdSchema)
    .query(({ ctx, input }) => getGoldHistory(ctx.db, ctx.actor, input.queueItemId)),
  reopenGold: requireRole("lead")
    .input(reopenGoldSchema)
    .mutation(({ ctx, input }) => reopenGold(ctx.db, ctx.actor, input)),
  cancelReopen: requireRole("lead")
    .input(queueItemIdSchema)
    .mutation(({ ctx, input }) => cancelReopen(ctx.db, ctx.actor, input)),
});
