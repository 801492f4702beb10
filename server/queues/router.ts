import { projectProcedure, requireRole, router } from "@/server/api/trpc";
import { getArchivedQueue, listProjectArchivedQueues, setArchived } from "./archive-service";
import { updateQueue } from "./definition-service";
import { removeQueueItem } from "./item-removal-service";
import { listQueueItems } from "./item-list-service";
import {
  createQueueRequestSchema,
  listQueueItemsSchema,
  queueIdSchema,
  removeQueueItemSchema,
  updateLoopSettingsSchema,
  updateQualitySettingsSchema,
  updateLabelSchemaSchema,
  updateQueueDefinitionSchema,
} from "./schema";
import { listProjectSchemaVersions, updateLabelSchema } from "./schema-version-service";
import { backfillProjectQueue, createQueue, getProjectQueue, listProjectQueues, updateLoopSettings, updateQualitySettings } from "./service";

const manageQueue = () => requireRole("lead", "admin");

export const queuesRouter = router({
  create: manageQueue()
    .input(createQueueRequestSchema)
    .mutation(({ ctx, input }) => createQueue(ctx.db, ctx.actor, input)),
  list: projectProcedure.query(({ ctx }) => listProjectQueues(ctx.db, ctx.actor)),
  listArchived: manageQueue().query(({ ctx }) => listProjectArchivedQueues(ctx.db, ctx.actor)),
  get: projectProcedure.input(queueIdSchema).query(({ ctx, input }) => getProjectQueue(ctx.db, ctx.actor, input.queueId)),
  getArchived: projectProcedure.input(queueIdSchema).query(({ ctx, input }) => getArchivedQueue(ctx.db, ctx.actor, input.queueId)),
  update: manageQueue()
    .input(updateQueueDefinitionSchema)
    .mutation(({ ctx, input }) => updateQueue(ctx.db, ctx.actor, input)),
  archive: manageQueue()
    .input(queueIdSchema)
    .mutation(({ ctx, input }) => setArchived(ctx.db, ctx.actor, input.queueId, true)),
  restore: manageQueue()
    .input(queueIdSchema)
    .mutation(({ ctx, input }) => setArchived(ctx.db, ctx.actor, input.queueId, false)),
  updateLabelSchema: manageQueue()
    .input(updateLabelSchemaSchema)
    .mutation(({ ctx, input }) => updateLabelSchema(ctx.db, ctx.actor, input)),
  schemaVersions: manageQueue()
    .input(queueIdSchema)
    .query(({ ctx, input }) => listProjectSchemaVersions(ctx.db, ctx.actor, input.queueId)),
  items: manageQueue()
    .input(listQueueItemsSchema)
    .query(({ ctx, input }) => listQueueItems(ctx.db, ctx.actor, input)),
  backfill: manageQueue()
    .input(queueIdSchema)
    .mutation(({ ctx, input }) => backfillProjectQueue(ctx.db, ctx.actor, input.queueId)),
  updateLoopSettings: manageQueue()
    .input(updateLoopSettingsSchema)
    .mutation(({ ctx, input }) => updateLoopSettings(ctx.db, ctx.actor, input)),
  updateQualitySettings: manageQueue()
    .input(updateQualitySettingsSchema)
    .mutation(({ ctx, input }) => updateQualitySettings(ctx.db, ctx.actor, input)),
  removeItem: manageQueue()
    .input(removeQueueItemSchema)
    .mutation(({ ctx, input }) => removeQueueItem(ctx.db, ctx.actor, input)),
});
