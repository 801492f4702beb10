import { projectProcedure, requireRole, router } from "@/server/api/trpc";
import { loopHealthOverviewSchema } from "./schema";
import { getLoopHealthOverview, getLoopHealthTile } from "./service";

/** The annotator table judges people, so the page is for leads, the ML team and admins; every member sees the tile. */
const watchers = requireRole("lead", "ml", "admin");

export const loopHealthRouter = router({
  overview: watchers.input(loopHealthOverviewSchema).query(({ ctx, input }) => getLoopHealthOverview(ctx.db, ctx.membership.projectId, input)),
  tile: projectProcedure.query(({ ctx }) => getLoopHealthTile(ctx.db, ctx.membership.projectId)),
});
