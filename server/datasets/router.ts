import { requireRole, router } from "@/server/api/trpc";
import { browseReleaseRows, getClassBalance, getMixedLabelVersions, listReleaseChanges } from "./browse-service";
import { listReleaseProgress, requestRelease, retryRelease } from "./publish-service";
import { browseReleaseRowsSchema, createDatasetSchema, datasetIdSchema, datasetReleaseSchema, publishReleaseSchema, releaseChangesSchema, updateDatasetSchema } from "./schema";
import { createDataset, getDataset, listDatasetQueueChoices, listProjectDatasets, updateDataset } from "./service";

/** Leads see datasets (their team's gold feeds them); ML and admins define and publish them. */
const readers = requireRole("lead", "ml", "admin");
const publishers = requireRole("ml", "admin");

const publisherOf = (ctx: { actor: { projectId: string; userId: string } }) => ({ ...ctx.actor, apiKeyId: null });

export const datasetsRouter = router({
  list: readers.query(({ ctx }) => listProjectDatasets(ctx.db, ctx.membership.projectId)),
  get: readers.input(datasetIdSchema).query(({ ctx, input }) => getDataset(ctx.db, ctx.membership.projectId, input.datasetId)),
  queueChoices: publishers.query(({ ctx }) => listDatasetQueueChoices(ctx.db, ctx.membership.projectId)),
  create: publishers.input(createDatasetSchema).mutation(({ ctx, input }) => createDataset(ctx.db, ctx.actor, input)),
  update: publishers.input(updateDatasetSchema).mutation(({ ctx, input }) => updateDataset(ctx.db, ctx.actor, input)),
  // Queues the release and returns at once; the publish job freezes it (see publish-job.ts).
  publish: publishers.input(publishReleaseSchema).mutation(({ ctx, input }) => requestRelease(ctx.db, publisherOf(ctx), input)),
  releaseProgress: readers.input(datasetIdSchema).query(({ ctx, input }) => listReleaseProgress(ctx.db, ctx.membership.projectId, input.datasetId)),
  retryRelease: publishers.input(datasetReleaseSchema).mutation(({ ctx, input }) => retryRelease(ctx.db, publisherOf(ctx), input)),
  releaseRows: readers.input(browseReleaseRowsSchema).query(({ ctx, input }) => browseReleaseRows(ctx.db, ctx.membership.projectId, input)),
  releaseChanges: readers.input(releaseChangesSchema).query(({ ctx, input }) => listReleaseChanges(ctx.db, ctx.membership.projectId, input)),
  classBalance: readers.input(datasetReleaseSchema).query(({ ctx, input }) => getClassBalance(ctx.db, ctx.membership.projectId, input)),
  mixedLabelVersions: readers.input(datasetReleaseSchema).query(({ ctx, input }) => getMixedLabelVersions(ctx.db, ctx.membership.projectId, input)),
});
