import { requireRole, router } from "@/server/api/trpc";
import { listPauses, liftPauseById, listQueueGoldAccuracy } from "./gate-service";
import { addFromGoldSchema, addTopGoldSchema, goldQueueSchema, importGoldCsvSchema, liftPauseSchema, listPausesSchema, retireGoldItemSchema } from "./schema";
import { addGoldItemFromGold, addTopGoldItems, importGoldItemsCsv, listGoldItems, retireGoldItemById } from "./service";

// Lead-only, every procedure: an annotator who could list gold items could tell gold checks from work.
const leadProcedure = requireRole("lead");
export const goldItemsRouter = router({
  list: leadProcedure.input(goldQueueSchema).query(({ ctx, input }) => listGoldItems(ctx.db, ctx.actor, input.queueId)),
  addFromGold: leadProcedure.input(addFromGoldSchema).mutation(({ ctx, input }) => addGoldItemFromGold(ctx.db, ctx.actor, input.queueItemId)),
  addTopGold: leadProcedure.input(addTopGoldSchema).mutation(({ ctx, input }) => addTopGoldItems(ctx.db, ctx.actor, input)),
  importCsv: leadProcedure.input(importGoldCsvSchema).mutation(({ ctx, input }) => importGoldItemsCsv(ctx.db, ctx.actor, input)),
  retire: leadProcedure.input(retireGoldItemSchema).mutation(({ ctx, input }) => retireGoldItemById(ctx.db, ctx.actor, input.goldItemId)),
  listAccuracy: leadProcedure.input(goldQueueSchema).query(({ ctx, input }) => listQueueGoldAccuracy(ctx.db, ctx.actor, input.queueId)),
  listPauses: leadProcedure.input(listPausesSchema).query(({ ctx, input }) => listPauses(ctx.db, ctx.actor, input)),
  liftPause: leadProcedure.input(liftPauseSchema).mutation(({ ctx, input }) => liftPauseById(ctx.db, ctx.actor, input)),
});
