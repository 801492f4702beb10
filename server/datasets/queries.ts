import { sql, type Expression, type SqlBool, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { CorrectionMode, SplitKey } from "./schema";
import type { Executor } from "@/db/executor";

/** What decides which gold rows a dataset holds: the recipe, as the dataset has it now or a release recorded it. */
export type EligibilityRecipe = {
  queueIds: string[];
  minConfidence: number;
  labelFilters: Record<string, string[]>;
  correctionMode: CorrectionMode;
  goldFrom: Date | null;
  goldUntil: Date | null;
};
export type DatasetScope = { projectId: string; recipe: EligibilityRecipe };

/** The recipe and split columns, as services read them. */
const recipeColumns = [
  "datasets.min_confidence as minConfidence",
  "datasets.label_filters as labelFilters",
  "datasets.correction_mode as correctionMode",
  "datasets.gold_from as goldFrom",
  "datasets.gold_until as goldUntil",
  "datasets.split_train as splitTrain",
  "datasets.split_validation as splitValidation",
  "datasets.split_test as splitTest",
  "datasets.split_key as splitKey",
  "datasets.split_metadata_key as splitMetadataKey",
] as const;

export type DatasetValues = {
  name: string;
  description: string;
  minConfidence: number;
  labelFilters: Record<string, string[]>;
  correctionMode: CorrectionMode;
  goldFrom: Date | null;
  goldUntil: Date | null;
  splitTrain: number;
  splitValidation: number;
  splitTest: number;
  splitKey: SplitKey;
  splitMetadataKey: string | null;
};

function toColumns(values: DatasetValues) {
  return {
    name: values.name,
    description: values.description,
    min_confidence: values.minConfidence,
    label_filters: JSON.stringify(values.labelFilters),
    correction_mode: values.correctionMode,
    gold_from: values.goldFrom,
    gold_until: values.goldUntil,
    split_train: values.splitTrain,
    split_validation: values.splitValidation,
    split_test: values.splitTest,
    split_key: values.splitKey,
    split_metadata_key: values.splitKey === "metadata" ? values.splitMetadataKey : null,
  };
}

export async function insertDataset(db: Executor, values: DatasetValues & { projectId: string; slug: string; createdBy: string }) {
  return db
    .insertInto("datasets")
    .values({ project_id: values.projectId, slug: values.slug, created_by: values.createdBy, ...toColumns(values) })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
}

export async function updateDataset(trx: Transaction<DB>, values: DatasetValues & { projectId: string; datasetId: string }) {
  await trx.updateTable("datasets").set(toColumns(values)).where("project_id", "=", values.projectId).where("id", "=", values.datasetId).execute();
}

export async function insertDatasetQueues(db: Executor, values: { projectId: string; datasetId: string; queueIds: string[] }) {
  await db
    .insertInto("dataset_queues")
    .values(values.queueIds.map((queueId) => ({ project_id: values.projectId, dataset_id: values.datasetId, queue_id: queueId })))
    .execute();
}

export async function deleteDatasetQueues(trx: Transaction<DB>, projectId: string, datasetId: string) {
  await trx.deleteFrom("dataset_queues").where("project_id", "=", projectId).where("dataset_id", "=", datasetId).execute();
}

/** The queues of the project among `queueIds`, with their label schemas. */
export async function findProjectQueues(db: Executor, projectId: string, queueIds: string[]) {
  return db.selectFrom("queues").select(["id", "name", "label_schema as labelSchema"]).where("project_id", "=", projectId).where("id", "in", queueIds).execute();
}

const datasetColumns = ["datasets.id", "datasets.slug", "datasets.name", "datasets.description", ...recipeColumns, "datasets.created_at as createdAt"] as const;

/** The project's datasets with their queue ids and names. */
export async function listDatasets(db: Executor, projectId: string) {
  return db
    .selectFrom("datasets")
    .select(datasetColumns)
    .select((eb) => [
      eb
        .selectFrom("dataset_queues")
        .innerJoin("queues", "queues.id", "dataset_queues.queue_id")
        .select(sql<string[]>`array_agg(queues.name order by queues.name)`.as("names"))
        .whereRef("dataset_queues.project_id", "=", "datasets.project_id")
        .whereRef("queues.project_id", "=", "datasets.project_id")
        .whereRef("dataset_queues.dataset_id", "=", "datasets.id")
        .as("queueNames"),
      eb
        .selectFrom("dataset_queues")
        .select(sql<string[]>`array_agg(dataset_queues.queue_id)`.as("ids"))
        .whereRef("dataset_queues.project_id", "=", "datasets.project_id")
        .whereRef("dataset_queues.dataset_id", "=", "datasets.id")
        .as("queueIds"),
    ])
    .where("datasets.project_id", "=", projectId)
    .orderBy("datasets.name")
    .execute();
}

export async function findDataset(db: Executor, projectId: string, datasetId: string) {
  return db
    .selectFrom("datasets")
    .leftJoin("users", "users.id", "datasets.created_by")
    .select([...datasetColumns, "users.name as createdByName"])
    .where("datasets.project_id", "=", projectId)
    .where("datasets.id", "=", datasetId)
    .executeTakeFirst();
}

export async function findDatasetBySlug(db: Executor, projectId: string, slug: string) {
  return db.selectFrom("datasets").select(["id", "slug"]).where("project_id", "=", projectId).where("slug", "=", slug).executeTakeFirst();
}

/** Locks the dataset row so concurrent publishes and edits of one dataset run one after the other. */
export async function lockDataset(trx: Transaction<DB>, projectId: string, datasetId: string) {
  return trx
    .selectFrom("datasets")
    .select(["datasets.id", "datasets.slug", ...recipeColumns])
    .where("project_id", "=", projectId)
    .where("id", "=", datasetId)
    .forUpdate()
    .executeTakeFirst();
}

export async function listDatasetQueues(db: Executor, projectId: string, datasetId: string) {
  return db
    .selectFrom("dataset_queues")
    .innerJoin("queues", "queues.id", "dataset_queues.queue_id")
    .select(["queues.id", "queues.name", "queues.archived_at as archivedAt", "queues.label_schema as labelSchema", "queues.schema_version as schemaVersion"])
    .where("dataset_queues.project_id", "=", projectId)
    .where("queues.project_id", "=", projectId)
    .where("dataset_queues.dataset_id", "=", datasetId)
    .orderBy("queues.name")
    .execute();
}

/** The label filters as one condition: each filtered field of the gold takes one of its allowed values. */
function matchesLabelFilters(labelFilters: Record<string, string[]>): Expression<SqlBool> {
  const conditions = Object.entries(labelFilters)
    .filter(([, allowed]) => allowed.length > 0)
    .map(([key, allowed]) => sql<SqlBool>`(gold_labels.values ->> ${key}) in (${sql.join(allowed)})`);
  return conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** The current gold labels the recipe takes now, joined to their outputs. */
export function selectEligibleGold(db: Executor, scope: DatasetScope) {
  const { recipe } = scope;
  let query = db
    .selectFrom("gold_labels")
    .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
    .where("gold_labels.project_id", "=", scope.projectId)
    .where("outputs.project_id", "=", scope.projectId)
    .where("gold_labels.is_current", "=", true)
    .where("gold_labels.confidence", ">=", recipe.minConfidence)
    // An empty list would be `in ()`, which Postgres refuses; a dataset always has a queue, a stale recipe may not.
    .where("gold_labels.queue_id", "in", recipe.queueIds.length > 0 ? recipe.queueIds : ["00000000-0000-0000-0000-000000000000"])
    .where(matchesLabelFilters(recipe.labelFilters));
  if (recipe.correctionMode === "require_correction") query = query.where("gold_labels.correction", "is not", null);
  // Reviewers who disagreed on an optional correction did not agree to keep the original output either.
  else query = query.where(sql<boolean>`not (gold_labels.provenance ? 'correctionDisputed')`);
  if (recipe.goldFrom) query = query.where("gold_labels.created_at", ">=", recipe.goldFrom);
  if (recipe.goldUntil) query = query.where("gold_labels.created_at", "<", recipe.goldUntil);
  return query;
}

export async function countEligibleGold(db: Executor, scope: DatasetScope): Promise<number> {
  const row = await selectEligibleGold(db, scope)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findDatasetSlug(db: Executor, projectId: string, datasetId: string): Promise<string> {
  const row = await db.selectFrom("datasets").select("slug").where("project_id", "=", projectId).where("id", "=", datasetId).executeTakeFirstOrThrow();
  return row.slug;
}

/** The project's open queues a dataset can draw from, with their label schemas and how much gold each holds now. */
export async function listQueueChoices(db: Executor, projectId: string) {
  return db
    .selectFrom("queues")
    .select((eb) => [
      "queues.id",
      "queues.name",
      "queues.label_schema as labelSchema",
      eb
        .selectFrom("gold_labels")
        .select((inner) => inner.fn.countAll<number>().as("count"))
        .where("gold_labels.project_id", "=", projectId)
        .whereRef("gold_labels.queue_id", "=", "queues.id")
        .where("gold_labels.is_current", "=", true)
        .as("goldCount"),
    ])
    .where("queues.project_id", "=", projectId)
    .where("queues.archived_at", "is", null)
    .orderBy("queues.name")
    .execute();
}

/** Whether the recipe takes any row now: a publish request checks this, not the count, so it stays fast at any size. */
export async function hasEligibleGold(db: Executor, scope: DatasetScope): Promise<boolean> {
  const row = await selectEligibleGold(db, scope).select("gold_labels.id").limit(1).executeTakeFirst();
  return row !== undefined;
}
