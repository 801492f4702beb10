import { requireRole, router } from "@/server/api/trpc";
import { createDatasetSchema, datasetIdSchema, publishReleaseSchema } from "./schema";
import { createDataset, getDataset, listProjectDatasets, publishRelease } from "./service";

/** Leads see datasets (their team's gold feeds them); ML and admins define and publish them. */
const readers = requireRole("lead", "ml", "admin");
const publishers = requireRole("ml", "admin");

export const datasetsRouter = router({
  list: readers.query(({ ctx }) => listProjectDatasets(ctx.db, ctx.membership.projectId)),
  get: readers.input(datasetIdSchema).query(({ ctx, input }) => getDataset(ctx.db, ctx.membership.projectId, input.datasetId)),
  create: publishers
    .input(createDatasetSchema)
    .mutation(({ ctx, input }) => createDataset(ctx.db, ctx.actor, input)),
  publish: publishers
    .input(publishReleaseSchema)
    .mutation(({ ctx, input }) => publishRelease(ctx.db, ctx.actor, input)),
});
