import { projectProcedure, requireRole, router } from "@/server/api/trpc";
import { removeQueueItem } from "./item-removal-service";
import { createQueueRequestSchema, queueIdSchema, removeQueueItemSchema, updateLoopSettingsSchema, updateQualitySettingsSchema } from "./schema";
import { backfillProjectQueue, createQueue, getProjectQueue, listProjectQueues, updateLoopSettings, updateQualitySettings } from "./service";

export const queuesRouter = router({
  create: requireRole("lead", "admin")
    .input(createQueueRequestSchema)
    .mutation(({ ctx, input }) => createQueue(ctx.db, ctx.actor, input)),
  list: projectProcedure.query(({ ctx }) => listProjectQueues(ctx.db, ctx.actor)),
  get: projectProcedure.input(queueIdSchema).query(({ ctx, input }) => getProjectQueue(ctx.db, ctx.actor, input.queueId)),
  backfill: requireRole("lead", "admin")
    .input(queueIdSchema)
    .mutation(({ ctx, input }) => backfillProjectQueue(ctx.db, ctx.actor, input.queueId)),
  updateLoopSettings: requireRole("lead", "admin")
    .input(updateLoopSettingsSchema)
    .mutation(({ ctx, input }) => updateLoopSettings(ctx.db, ctx.actor, input)),
  updateQualitySettings: requireRole("lead", "admin")
    .input(updateQualitySettingsSchema)
    .mutation(({ ctx, input }) => updateQualitySettings(ctx.db, ctx.actor, input)),
  removeItem: requireRole("lead", "admin")
    .input(removeQueueItemSchema)
    .mutation(({ ctx, input }) => removeQueueItem(ctx.db, ctx.actor, input)),
});
