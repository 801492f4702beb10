import { requireRole, router } from "@/server/api/trpc";
import { getQueueFit } from "./fit-queries";
import { dismissFlag, listRefitFlags, reopenFromFlag } from "./flag-service";
import { requestRefitForQueue } from "./refit-request-service";
import { flagIdSchema, listFlagsSchema, queueIdSchema, reopenFromFlagSchema } from "./schema";

export const truthRouter = router({
  // Leads and ML teams read fits; annotators never see each other's reliability.
  latestFit: requireRole("lead", "ml")
    .input(queueIdSchema)
    .query(({ ctx, input }) => getQueueFit(ctx.db, { projectId: ctx.membership.projectId, queueId: input.queueId })),
  refit: requireRole("lead")
    .input(queueIdSchema)
    .mutation(({ ctx, input }) => requestRefitForQueue(ctx.db, ctx.actor, input.queueId)),
  listFlags: requireRole("lead", "ml")
    .input(listFlagsSchema)
    .query(({ ctx, input }) => listRefitFlags(ctx.db, { projectId: ctx.membership.projectId, queueId: input.queueId, includeClosed: input.includeClosed })),
  dismissFlag: requireRole("lead")
    .input(flagIdSchema)
    .mutation(({ ctx, input }) => dismissFlag(ctx.db, ctx.actor, input.flagId)),
  reopenFromFlag: requireRole("lead")
    .input(reopenFromFlagSchema)
    .mutation(({ ctx, input }) => reopenFromFlag(ctx.db, ctx.actor, input)),
});
