import { projectProcedure, requireRole, router } from "@/server/api/trpc";
import { getAnnotatorAnalyticsSchema, listAnnotatorAnalyticsSchema } from "./schema";
import { getAnnotatorAnalytics, listAnnotatorAnalytics } from "./service";

/** The table compares people, so it is for leads (and admins); each member may open their own page, leads anyone's. */
export const annotatorAnalyticsRouter = router({
  list: requireRole("lead").input(listAnnotatorAnalyticsSchema).query(({ ctx, input }) => listAnnotatorAnalytics(ctx.db, ctx.membership.projectId, input)),
  get: projectProcedure.input(getAnnotatorAnalyticsSchema).query(({ ctx, input }) => getAnnotatorAnalytics(ctx.db, ctx.actor, input)),
});
