import { requireRole, router } from "@/server/api/trpc";
import { addOutputsToQueue } from "./manual-queue-service";
import { addOutputsToQueueSchema, listOutputsSchema, outputIdSchema } from "./schema";
import { getOutputWithThread, listOutputs } from "./service";

/** Leads, ML and admins browse production outputs; leads and admins put them into queues by hand. */
const readers = requireRole("lead", "ml", "admin");

export const outputsRouter = router({
  list: readers.input(listOutputsSchema).query(({ ctx, input }) => listOutputs(ctx.db, ctx.membership.projectId, input, { withContent: false })),
  get: readers.input(outputIdSchema).query(({ ctx, input }) => getOutputWithThread(ctx.db, ctx.membership.projectId, input.outputId)),
  addToQueue: requireRole("lead", "admin")
    .input(addOutputsToQueueSchema)
    .mutation(({ ctx, input }) => addOutputsToQueue(ctx.db, ctx.actor, input)),
});
