import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/pg-errors";
import type { ProjectActor } from "@/server/members/service";
import { slugify } from "@/server/projects/schema";
import {
  countEligibleGold,
  diffRowKeys,
  findDataset,
  findDatasetBySlug,
  findProjectQueueIds,
  insertDataset,
  insertDatasetQueues,
  listDatasetQueues,
  listDatasets,
  lockDataset,
  selectEligibleRowKeys,
  selectReleaseRowKeys,
} from "./queries";
import { completeRelease, findLatestRelease, findRelease, freezeReleaseRows, insertRelease, listLatestReleases, listReleases } from "./release-queries";
import { MAX_RELEASE_NUMBER, releaseChangelogSchema, releasePullPath, type CreateDatasetInput, type ReleaseChangelog } from "./schema";

/** Creates a dataset over some of the project's queues; the slug comes from the name unless given. */
export async function createDataset(db: Kysely<DB>, actor: ProjectActor, input: CreateDatasetInput) {
  const slug = input.slug ?? slugify(input.name);
  const queueIds = [...new Set(input.queueIds)];
  const known = new Set(await findProjectQueueIds(db, actor.projectId, queueIds));
  const unknown = queueIds.filter((queueId) => !known.has(queueId));
  if (unknown.length > 0) {
    throw new ValidationError(`${unknown.length === 1 ? "a picked queue is" : "some picked queues are"} not in this project`, { field: "queueIds" });
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const dataset = await insertDataset(trx, { projectId: actor.projectId, slug, name: input.name, description: input.description, minConfidence: input.minConfidence, createdBy: actor.userId });
      await insertDatasetQueues(trx, { projectId: actor.projectId, datasetId: dataset.id, queueIds });
      await insertAuditEntry(trx, {
        projectId: actor.projectId,
        actorUserId: actor.userId,
        action: "dataset.created",
        targetType: "dataset",
        targetId: dataset.id,
        data: { name: input.name, slug, queueIds, minConfidence: input.minConfidence },
      });
      return dataset;
    });
  } catch (error) {
    if (isUniqueViolation(error, "datasets_project_slug_key")) {
      throw new ConflictError(`a dataset with the slug "${slug}" exists; pick another slug`, { field: "slug", cause: error });
    }
    throw error;
  }
}

/** The project's datasets, each with its queues, newest release and the rows a release would hold now. */
export async function listProjectDatasets(db: Kysely<DB>, projectId: string) {
  const [datasets, latest] = await Promise.all([listDatasets(db, projectId), listLatestReleases(db, projectId)]);
  const latestByDataset = new Map(latest.map(({ datasetId, ...release }) => [datasetId, release]));
  return datasets.map((dataset) => ({
    ...dataset,
    queueNames: dataset.queueNames ?? [],
    eligibleRows: Number(dataset.eligibleRows ?? 0),
    latestRelease: latestByDataset.get(dataset.id) ?? null,
  }));
}

/**
 * A dataset with its queues, releases (newest first), the rows a release would freeze now and how they
 * differ from the latest release, and the path to pull it from.
 */
export async function getDataset(db: Kysely<DB>, projectId: string, datasetId: string) {
  const dataset = await findDataset(db, projectId, datasetId);
  if (!dataset) throw new NotFoundError("no dataset with this id in the project", { field: "datasetId" });
  const scope = { projectId, datasetId, minConfidence: dataset.minConfidence };
  const [queues, releases, eligibleRows] = await Promise.all([
    listDatasetQueues(db, projectId, datasetId),
    listReleases(db, projectId, datasetId),
    countEligibleGold(db, scope),
  ]);
  const latest = releases[0];
  const pendingChanges: ReleaseChangelog = latest
    ? await diffRowKeys(db, selectEligibleRowKeys(db, scope), selectReleaseRowKeys(db, projectId, latest.id))
    : { added: eligibleRows, removed: 0, relabelled: 0 };
  return {
    ...dataset,
    queues,
    releases: releases.map(({ changelog, ...release }) => ({ ...release, changelog: releaseChangelogSchema.parse(changelog) })),
    eligibleRows,
    pendingChanges,
    nextReleaseNumber: (latest?.number ?? 0) + 1,
    pullPath: releasePullPath(dataset.slug),
  };
}

/**
 * Publishes the next numbered release: freezes the eligible gold rows and records what changed since the
 * previous release. Releases never change afterwards, whatever happens to gold later.
 */
export async function publishRelease(db: Kysely<DB>, actor: ProjectActor, input: { datasetId: string; notes: string }) {
  return db.transaction().execute(async (trx) => {
    // Holding the dataset row until commit makes concurrent publishes take numbers one after the other.
    const dataset = await lockDataset(trx, actor.projectId, input.datasetId);
    if (!dataset) throw new NotFoundError("no dataset with this id in the project", { field: "datasetId" });
    const previous = await findLatestRelease(trx, actor.projectId, dataset.id);
    const release = await insertRelease(trx, {
      projectId: actor.projectId,
      datasetId: dataset.id,
      number: (previous?.number ?? 0) + 1,
      notes: input.notes,
      publishedBy: actor.userId,
    });
    const scope = { projectId: actor.projectId, datasetId: dataset.id, minConfidence: dataset.minConfidence };
    const rowCount = await freezeReleaseRows(trx, { ...scope, releaseId: release.id });
    if (rowCount === 0) {
      throw new InvalidStateError("nothing to publish: no gold labels of this dataset's queues meet its minimum confidence yet", { field: "datasetId" });
    }
    const changelog = previous
      ? await diffRowKeys(trx, selectReleaseRowKeys(trx, actor.projectId, release.id), selectReleaseRowKeys(trx, actor.projectId, previous.id))
      : { added: rowCount, removed: 0, relabelled: 0 };
    await completeRelease(trx, { projectId: actor.projectId, releaseId: release.id, rowCount, changelog });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "release.published",
      targetType: "dataset",
      targetId: dataset.id,
      data: { slug: dataset.slug, number: release.number, rowCount, changelog },
    });
    return { number: release.number, rowCount, changelog };
  });
}

/** The release an API client asked for, by dataset slug and number or `latest`. */
export async function findReleaseForPull(db: Kysely<DB>, params: { projectId: string; slug: string; release: number | "latest" }) {
  const dataset = await findDatasetBySlug(db, params.projectId, params.slug);
  if (!dataset) throw new NotFoundError(`no dataset "${params.slug}" in this project`, { field: "slug" });
  // Release numbers are int4: a larger one names no release, and Postgres would refuse to compare it.
  const isPastLastPossible = params.release !== "latest" && params.release > MAX_RELEASE_NUMBER;
  const release = isPastLastPossible ? undefined : await findRelease(db, { projectId: params.projectId, datasetId: dataset.id, number: params.release });
  if (!release) {
    const message = params.release === "latest" ? `dataset "${dataset.slug}" has no releases yet` : `dataset "${dataset.slug}" has no release ${params.release}`;
    throw new NotFoundError(message, { field: "release" });
  }
  return { datasetId: dataset.id, slug: dataset.slug, releaseId: release.id, number: release.number, rowCount: release.rowCount };
}
