import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/pg-errors";
import type { ProjectActor } from "@/server/auth/actor";
import { slugify } from "@/server/projects/schema";
import { parseLabelSchema } from "@/server/items/label-values";
import { diffRowKeys, selectEligibleRowKeys, selectReleaseRowKeys } from "./diff-queries";
import {
  countEligibleGold,
  deleteDatasetQueues,
  findDataset,
  findDatasetBySlug,
  findProjectQueues,
  insertDataset,
  insertDatasetQueues,
  listDatasetQueues,
  listDatasets,
  listQueueChoices,
  lockDataset,
  updateDataset as updateDatasetRow,
  type DatasetValues,
} from "./queries";
import { checkLabelFilters, hasMixedLabelSchemas, normalizeLabelFilters, splitRuleChanged, toEligibility, toReleaseRecipe } from "./recipe";
import { findLatestPublishedRelease, findPublishedRelease, hasAnyRelease, listLatestReleases, listReleases } from "./release-queries";
import { runReleasePublication } from "./publish-job";
import { requestRelease } from "./publish-service";
import {
  createDatasetSchema,
  MAX_RELEASE_NUMBER,
  releaseChangelogSchema,
  releasePullPath,
  type CreateDatasetInput,
  type CreateDatasetRequest,
  type PublishReleaseInput,
  type ReleaseChangelog,
  type UpdateDatasetInput,
} from "./schema";
import type { Executor } from "@/db/executor";

/** The picked queues, each once, all of the project, with label filters that fit their schemas. */
async function checkQueuesAndFilters(db: Executor, projectId: string, input: { queueIds: string[]; labelFilters: Record<string, string[]> }) {
  const queueIds = [...new Set(input.queueIds)];
  const queues = await findProjectQueues(db, projectId, queueIds);
  const known = new Set(queues.map((queue) => queue.id));
  const unknown = queueIds.filter((queueId) => !known.has(queueId));
  if (unknown.length > 0) {
    throw new ValidationError(`${unknown.length === 1 ? "a picked queue is" : "some picked queues are"} not in this project`, { field: "queueIds" });
  }
  const labelFilters = normalizeLabelFilters(input.labelFilters);
  checkLabelFilters(queues, labelFilters);
  return { queueIds, labelFilters };
}

function toValues(input: CreateDatasetInput | UpdateDatasetInput, labelFilters: Record<string, string[]>): DatasetValues {
  return {
    name: input.name,
    description: input.description,
    minConfidence: input.minConfidence,
    labelFilters,
    correctionMode: input.correctionMode,
    goldFrom: input.goldFrom,
    goldUntil: input.goldUntil,
    splitTrain: input.splitTrain,
    splitValidation: input.splitValidation,
    splitTest: input.splitTest,
    splitKey: input.splitKey,
    splitMetadataKey: input.splitKey === "metadata" ? input.splitMetadataKey : null,
  };
}

/** Creates a dataset with its recipe and split rule (defaults filled in); the slug comes from the name unless given. */
export async function createDataset(db: Kysely<DB>, actor: ProjectActor, request: CreateDatasetRequest) {
  const input = createDatasetSchema.parse(request);
  const slug = input.slug ?? slugify(input.name);
  const { queueIds, labelFilters } = await checkQueuesAndFilters(db, actor.projectId, input);
  const values = toValues(input, labelFilters);
  try {
    return await db.transaction().execute(async (trx) => {
      const dataset = await insertDataset(trx, { ...values, projectId: actor.projectId, slug, createdBy: actor.userId });
      await insertDatasetQueues(trx, { projectId: actor.projectId, datasetId: dataset.id, queueIds });
      await insertAuditEntry(trx, {
        projectId: actor.projectId,
        actorUserId: actor.userId,
        action: "dataset.created",
        targetType: "dataset",
        targetId: dataset.id,
        data: { name: input.name, slug, recipe: toReleaseRecipe(values, queueIds) },
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

/**
 * Replaces a dataset's name, description and recipe. The split rule is fixed once the dataset has a release,
 * so that a row keeps its split in every release; changing it then is refused, naming the field.
 */
export async function updateDataset(db: Kysely<DB>, actor: ProjectActor, input: UpdateDatasetInput) {
  const { queueIds, labelFilters } = await checkQueuesAndFilters(db, actor.projectId, input);
  const values = toValues(input, labelFilters);
  return db.transaction().execute(async (trx) => {
    // Publishing takes the same lock, so a release is queued either with the old recipe or the new, never half.
    const dataset = await lockDataset(trx, actor.projectId, input.datasetId);
    if (!dataset) throw new NotFoundError("no dataset with this id in the project", { field: "datasetId" });
    if (splitRuleChanged(dataset, values) && (await hasAnyRelease(trx, actor.projectId, dataset.id))) {
      throw new InvalidStateError("the split rule is fixed once a dataset has a release, so every row keeps its split; make a new dataset for another split", {
        field: "splitTrain",
      });
    }
    await updateDatasetRow(trx, { ...values, projectId: actor.projectId, datasetId: dataset.id });
    await deleteDatasetQueues(trx, actor.projectId, dataset.id);
    await insertDatasetQueues(trx, { projectId: actor.projectId, datasetId: dataset.id, queueIds });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "dataset.updated",
      targetType: "dataset",
      targetId: dataset.id,
      data: { name: input.name, recipe: toReleaseRecipe(values, queueIds) },
    });
    return { id: dataset.id, slug: dataset.slug };
  });
}

/** The queues a dataset can draw from, with the label schemas its filters are picked from. */
export async function listDatasetQueueChoices(db: Kysely<DB>, projectId: string) {
  const queues = await listQueueChoices(db, projectId);
  return queues.map((queue) => ({ id: queue.id, name: queue.name, labelSchema: parseLabelSchema(queue.labelSchema), goldCount: Number(queue.goldCount ?? 0) }));
}

/** The project's datasets, each with its queues, newest published release and the rows a release would hold now. */
export async function listProjectDatasets(db: Kysely<DB>, projectId: string) {
  const [datasets, latest] = await Promise.all([listDatasets(db, projectId), listLatestReleases(db, projectId)]);
  const latestByDataset = new Map(latest.map(({ datasetId, ...release }) => [datasetId, release]));
  return Promise.all(
    datasets.map(async ({ queueIds, ...dataset }) => ({
      ...dataset,
      queueNames: dataset.queueNames ?? [],
      eligibleRows: await countEligibleGold(db, { projectId, recipe: toEligibility(toReleaseRecipe(dataset, queueIds ?? [])) }),
      latestRelease: latestByDataset.get(dataset.id) ?? null,
    })),
  );
}

/**
 * A dataset with its recipe, queues (and whether their label schemas differ), releases (newest first, with
 * status and progress), the rows a release would freeze now and how they differ from the latest published
 * release, and the path to pull it from.
 */
export async function getDataset(db: Kysely<DB>, projectId: string, datasetId: string) {
  const dataset = await findDataset(db, projectId, datasetId);
  if (!dataset) throw new NotFoundError("no dataset with this id in the project", { field: "datasetId" });
  const queues = await listDatasetQueues(db, projectId, datasetId);
  const recipe = toReleaseRecipe(dataset, queues.map((queue) => queue.id));
  const scope = { projectId, recipe: toEligibility(recipe) };
  const [releases, eligibleRows, latest] = await Promise.all([
    listReleases(db, projectId, datasetId),
    countEligibleGold(db, scope),
    findLatestPublishedRelease(db, projectId, datasetId),
  ]);
  const pendingChanges: ReleaseChangelog = latest
    ? await diffRowKeys(db, selectEligibleRowKeys(db, scope), selectReleaseRowKeys(db, projectId, latest.id))
    : { added: eligibleRows, removed: 0, relabelled: 0 };
  return {
    ...dataset,
    labelFilters: recipe.labelFilters,
    correctionMode: recipe.correctionMode,
    splitKey: recipe.splitKey,
    queues: queues.map((queue) => ({ ...queue, labelSchema: parseLabelSchema(queue.labelSchema) })),
    hasMixedLabelSchemas: hasMixedLabelSchemas(queues),
    isSplitLocked: releases.length > 0,
    releases: releases.map(({ changelog, projectId: _projectId, datasetId: _datasetId, ...release }) => ({
      ...release,
      changelog: release.status === "published" ? releaseChangelogSchema.parse(changelog) : null,
    })),
    eligibleRows,
    pendingChanges,
    latestPublishedNumber: latest?.number ?? null,
    nextReleaseNumber: (releases[0]?.number ?? 0) + 1,
    pullPath: releasePullPath(dataset.slug),
  };
}

/**
 * Publishes the next release and waits until it is frozen, in this process: for the demo, seeds and tests.
 * Requests from the UI, REST and CLI queue it instead (publish-service.ts).
 */
export async function publishRelease(db: Kysely<DB>, actor: ProjectActor, input: { datasetId: string; notes?: string }) {
  const publish: PublishReleaseInput = { datasetId: input.datasetId, notes: input.notes ?? "" };
  const queued = await requestRelease(db, { projectId: actor.projectId, userId: actor.userId, apiKeyId: null }, publish);
  await runReleasePublication(db, { projectId: actor.projectId, releaseId: queued.releaseId });
  const release = (await listReleases(db, actor.projectId, input.datasetId)).find((candidate) => candidate.number === queued.number);
  if (release?.status !== "published") throw new InvalidStateError(release?.error ?? `release ${queued.number} did not publish`, { field: "datasetId" });
  return { number: release.number, rowCount: release.rowCount, changelog: releaseChangelogSchema.parse(release.changelog) };
}

/** The published release an API client asked for, by dataset slug and number or `latest`; queued, publishing and failed ones are not there yet. */
export async function findReleaseForPull(db: Kysely<DB>, params: { projectId: string; slug: string; release: number | "latest" }) {
  const dataset = await findDatasetBySlug(db, params.projectId, params.slug);
  if (!dataset) throw new NotFoundError(`no dataset "${params.slug}" in this project`, { field: "slug" });
  // Release numbers are int4: a larger one names no release, and Postgres would refuse to compare it.
  const isPastLastPossible = params.release !== "latest" && params.release > MAX_RELEASE_NUMBER;
  const release = isPastLastPossible ? undefined : await findPublishedRelease(db, { projectId: params.projectId, datasetId: dataset.id, number: params.release });
  if (!release) {
    const message = params.release === "latest" ? `dataset "${dataset.slug}" has no releases yet` : `dataset "${dataset.slug}" has no release ${params.release}`;
    throw new NotFoundError(message, { field: "release" });
  }
  return { datasetId: dataset.id, slug: dataset.slug, releaseId: release.id, number: release.number, rowCount: release.rowCount, erasedRows: release.erasedRows };
}
