import { projectProcedure, requireRole, router } from "@/server/api/trpc";
import { createQueueRequestSchema, queueIdSchema } from "./schema";
import { backfillProjectQueue, createQueue, getProjectQueue, listProjectQueues } from "./service";

const actorOf = (ctx: { membership: { projectId: string }; user: { id: string } }) => ({ projectId: ctx.membership.projectId, userId: ctx.user.id });

export const queuesRouter = router({
  create: requireRole("lead", "admin")
    .input(createQueueRequestSchema)
    .mutation(({ ctx, input }) => createQueue(ctx.db, actorOf(ctx), input)),
  list: projectProcedure.query(({ ctx }) => listProjectQueues(ctx.db, actorOf(ctx))),
  get: projectProcedure.input(queueIdSchema).query(({ ctx, input }) => getProjectQueue(ctx.db, actorOf(ctx), input.queueId)),
  backfill: requireRole("lead", "admin")
    .input(queueIdSchema)
    .mutation(({ ctx, input }) => backfillProjectQueue(ctx.db, actorOf(ctx), input.queueId)),
});
