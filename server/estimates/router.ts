import { projectProcedure, router } from "@/server/api/trpc";
import { queueEstimatesSchema } from "./schema";
import { getQueueEstimates } from "./service";

/** Every member: the estimates are shares of production, naming nobody. */
export const estimatesRouter = router({
  forQueue: projectProcedure.input(queueEstimatesSchema).query(({ ctx, input }) => getQueueEstimates(ctx.db, ctx.actor, input)),
});
