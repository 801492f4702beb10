import { projectProcedure, requireRole, router } from "@/server/api/trpc";
import { backfillMetricsSchema, updateLoopSettingsSchema } from "./schema";
import { getLoopSettings, requestMetricsBackfill, updateLoopSettings } from "./service";

/** Leads run the loop: they choose what it watches and when to recompute it. */
const stewards = requireRole("lead", "admin");

export const metricsRouter = router({
  getLoopSettings: projectProcedure.query(({ ctx }) => getLoopSettings(ctx.db, ctx.membership.projectId)),
  updateLoopSettings: stewards.input(updateLoopSettingsSchema).mutation(({ ctx, input }) => updateLoopSettings(ctx.db, ctx.actor, input)),
  backfill: stewards.input(backfillMetricsSchema).mutation(({ ctx, input }) => requestMetricsBackfill(ctx.db, ctx.actor, input)),
});
