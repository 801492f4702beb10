import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { ConflictError, DomainError, InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { findDatasetBySlug, hasEligibleGold, listDatasetQueues, lockDataset } from "./queries";
import { toEligibility, toReleaseRecipe } from "./recipe";
import { announceQueuedRelease } from "./release-job-queue";
import { findLastReleaseNumber, findReleaseByNumber, findUnfinishedRelease, insertQueuedRelease, listReleases, lockRelease, setReleaseStatus } from "./release-queries";
import { releasePullPath, releaseStatusPath, type PublishReleaseInput } from "./schema";

/** Who asked for a release: a person in the UI or CLI, or an admin API key. */
export type Publisher = { projectId: string; userId: string | null; apiKeyId: string | null };

/**
 * Queues the next numbered release of a dataset with its recipe as it is now, and announces it to the
 * publish worker on commit; returns at once, whatever the size. Refused while another release of the dataset is still being
 * built (its changelog must compare with a finished one), or when the recipe takes no rows.
 */
export async function requestRelease(db: Kysely<DB>, publisher: Publisher, input: PublishReleaseInput) {
  const queued = await db.transaction().execute(async (trx) => {
    // Holding the dataset row until commit makes concurrent publishes take numbers one after the other.
    const dataset = await lockDataset(trx, publisher.projectId, input.datasetId);
    if (!dataset) throw new NotFoundError("no dataset with this id in the project", { field: "datasetId" });
    const unfinished = await findUnfinishedRelease(trx, publisher.projectId, dataset.id);
    if (unfinished) throw new ConflictError(`release ${unfinished.number} is still ${unfinished.status}; publish again once it is done`, { field: "datasetId" });
    const queues = await listDatasetQueues(trx, publisher.projectId, dataset.id);
    const recipe = toReleaseRecipe(dataset, queues.map((queue) => queue.id));
    if (!(await hasEligibleGold(trx, { projectId: publisher.projectId, recipe: toEligibility(recipe) }))) {
      throw new InvalidStateError("nothing to publish: no current gold label meets this dataset's recipe yet", { field: "datasetId" });
    }
    const number = (await findLastReleaseNumber(trx, publisher.projectId, dataset.id)) + 1;
    const release = await insertQueuedRelease(trx, { projectId: publisher.projectId, datasetId: dataset.id, number, notes: input.notes, publishedBy: publisher.userId, recipe });
    await insertAuditEntry(trx, {
      projectId: publisher.projectId,
      actorUserId: publisher.userId,
      actorApiKeyId: publisher.apiKeyId,
      action: "release.requested",
      targetType: "dataset",
      targetId: dataset.id,
      data: { slug: dataset.slug, number },
    });
    await announceQueuedRelease(trx, { projectId: publisher.projectId, releaseId: release.id });
    return { releaseId: release.id, number, slug: dataset.slug };
  });
  return { releaseId: queued.releaseId, number: queued.number, status: "queued" as const, statusPath: releaseStatusPath(queued.slug, queued.number), pullPath: releasePullPath(queued.slug, queued.number) };
}

/** The same as requestRelease, for a dataset named by slug (REST and CLI). */
export async function requestReleaseBySlug(db: Kysely<DB>, publisher: Publisher, input: { slug: string; notes: string }) {
  const dataset = await findDatasetBySlug(db, publisher.projectId, input.slug);
  if (!dataset) throw new NotFoundError(`no dataset "${input.slug}" in this project`, { field: "slug" });
  return requestRelease(db, publisher, { datasetId: dataset.id, notes: input.notes });
}

/** Queues a failed release again (one release of a dataset is built at a time); its job resumes after the rows it had already frozen. */
export async function retryRelease(db: Kysely<DB>, publisher: Publisher, input: { datasetId: string; release: number }) {
  const release = await findReleaseByNumber(db, { projectId: publisher.projectId, datasetId: input.datasetId, number: input.release });
  if (!release) throw new NotFoundError(`this dataset has no release ${input.release}`, { field: "release" });
  await db.transaction().execute(async (trx) => {
    // The same order as requestRelease (dataset, then release), so a retry and a publish cannot deadlock.
    await lockDataset(trx, publisher.projectId, input.datasetId);
    const locked = await lockRelease(trx, publisher.projectId, release.id);
    if (locked?.status !== "failed") throw new InvalidStateError(`only a failed release can be retried; release ${input.release} is ${locked?.status ?? "gone"}`, { field: "release" });
    const unfinished = await findUnfinishedRelease(trx, publisher.projectId, input.datasetId);
    if (unfinished) throw new ConflictError(`release ${unfinished.number} is still ${unfinished.status}; retry once it is done`, { field: "release" });
    await setReleaseStatus(trx, { projectId: publisher.projectId, releaseId: release.id, status: "queued", error: null });
    await insertAuditEntry(trx, {
      projectId: publisher.projectId,
      actorUserId: publisher.userId,
      actorApiKeyId: publisher.apiKeyId,
      action: "release.retried",
      targetType: "dataset",
      targetId: input.datasetId,
      data: { number: input.release },
    });
    await announceQueuedRelease(trx, { projectId: publisher.projectId, releaseId: release.id });
  });
  return { number: input.release, status: "queued" as const };
}

/** Where a release stands: status, rows frozen of those expected, the error of a failed one. */
export async function getReleaseProgress(db: Kysely<DB>, projectId: string, params: { slug: string; release: number }) {
  const dataset = await findDatasetBySlug(db, projectId, params.slug);
  if (!dataset) throw new NotFoundError(`no dataset "${params.slug}" in this project`, { field: "slug" });
  const release = await findReleaseByNumber(db, { projectId, datasetId: dataset.id, number: params.release });
  if (!release) throw new NotFoundError(`dataset "${dataset.slug}" has no release ${params.release}`, { field: "release" });
  return {
    number: release.number,
    status: release.status,
    rowsFrozen: release.rowsFrozen,
    rowsExpected: release.rowsExpected,
    rowCount: release.status === "published" ? release.rowCount : null,
    error: release.error,
    requestedAt: release.requestedAt,
    publishedAt: release.status === "published" ? release.publishedAt : null,
    pullPath: release.status === "published" ? releasePullPath(dataset.slug, release.number) : null,
  };
}

/** Every release of a dataset with its status and progress only: cheap enough for a page to poll every second. */
export async function listReleaseProgress(db: Kysely<DB>, projectId: string, datasetId: string) {
  const releases = await listReleases(db, projectId, datasetId);
  return releases.map((release) => ({ number: release.number, status: release.status, rowsFrozen: release.rowsFrozen, rowsExpected: release.rowsExpected, error: release.error }));
}

/** What a failed release shows: a domain error's own sentence, or a generic one whose cause only the log has. */
export function describePublishFailure(error: unknown, releaseId: number): string {
  if (error instanceof DomainError) return error.message;
  const requestId = randomUUID();
  logger.error({ err: error, requestId, releaseId }, "release publishing failed");
  return `publishing stopped unexpectedly (logged under request id ${requestId}); retry it`;
}
