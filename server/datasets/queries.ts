import { sql, type Expression, type Kysely, type Transaction } from "kysely";
import type { DB } from "@/db/types";

type Executor = Kysely<DB> | Transaction<DB>;

/** What decides a dataset's rows: its queues' current gold labels at or above its minimum confidence. */
export type DatasetScope = { projectId: string; datasetId: string; minConfidence: number };

export async function insertDataset(
  db: Executor,
  values: { projectId: string; slug: string; name: string; description: string; minConfidence: number; createdBy: string },
) {
  return db
    .insertInto("datasets")
    .values({
      project_id: values.projectId,
      slug: values.slug,
      name: values.name,
      description: values.description,
      min_confidence: values.minConfidence,
      created_by: values.createdBy,
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
}

export async function insertDatasetQueues(db: Executor, values: { projectId: string; datasetId: string; queueIds: string[] }) {
  await db
    .insertInto("dataset_queues")
    .values(values.queueIds.map((queueId) => ({ project_id: values.projectId, dataset_id: values.datasetId, queue_id: queueId })))
    .execute();
}

/** The subset of `queueIds` that are queues of the project. */
export async function findProjectQueueIds(db: Executor, projectId: string, queueIds: string[]): Promise<string[]> {
  const rows = await db.selectFrom("queues").select("id").where("project_id", "=", projectId).where("id", "in", queueIds).execute();
  return rows.map((row) => row.id);
}

const datasetColumns = [
  "datasets.id",
  "datasets.slug",
  "datasets.name",
  "datasets.description",
  "datasets.min_confidence as minConfidence",
  "datasets.created_at as createdAt",
] as const;

/** The project's datasets with their queue names and how many gold rows a release would freeze now. */
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
        .selectFrom("gold_labels")
        .select((inner) => inner.fn.countAll<number>().as("count"))
        .whereRef("gold_labels.project_id", "=", "datasets.project_id")
        .where("gold_labels.is_current", "=", true)
        .whereRef("gold_labels.confidence", ">=", "datasets.min_confidence")
        .where("gold_labels.queue_id", "in", (inner) =>
          inner
            .selectFrom("dataset_queues")
            .select("dataset_queues.queue_id")
            .whereRef("dataset_queues.project_id", "=", "datasets.project_id")
            .whereRef("dataset_queues.dataset_id", "=", "datasets.id"),
        )
        .as("eligibleRows"),
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

/** Locks the dataset row so concurrent publishes of one dataset take numbers one after the other. */
export async function lockDataset(trx: Transaction<DB>, projectId: string, datasetId: string) {
  return trx
    .selectFrom("datasets")
    .select(["id", "slug", "min_confidence as minConfidence"])
    .where("project_id", "=", projectId)
    .where("id", "=", datasetId)
    .forUpdate()
    .executeTakeFirst();
}

export async function listDatasetQueues(db: Executor, projectId: string, datasetId: string) {
  return db
    .selectFrom("dataset_queues")
    .innerJoin("queues", "queues.id", "dataset_queues.queue_id")
    .select(["queues.id", "queues.name", "queues.archived_at as archivedAt"])
    .where("dataset_queues.project_id", "=", projectId)
    .where("queues.project_id", "=", projectId)
    .where("dataset_queues.dataset_id", "=", datasetId)
    .orderBy("queues.name")
    .execute();
}

/** The gold labels a release of the dataset would freeze now, joined to their outputs. */
export function selectEligibleGold(db: Executor, scope: DatasetScope) {
  return db
    .selectFrom("gold_labels")
    .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
    .where("gold_labels.project_id", "=", scope.projectId)
    .where("outputs.project_id", "=", scope.projectId)
    .where("gold_labels.is_current", "=", true)
    .where("gold_labels.confidence", ">=", scope.minConfidence)
    .where("gold_labels.queue_id", "in", (eb) =>
      eb
        .selectFrom("dataset_queues")
        .select("dataset_queues.queue_id")
        .where("dataset_queues.project_id", "=", scope.projectId)
        .where("dataset_queues.dataset_id", "=", scope.datasetId),
    );
}

export async function countEligibleGold(db: Executor, scope: DatasetScope): Promise<number> {
  const row = await selectEligibleGold(db, scope)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Rows compared across releases, keyed by (queue, output): one current gold exists per queue item. */
export function selectEligibleRowKeys(db: Executor, scope: DatasetScope) {
  return selectEligibleGold(db, scope).select([
    "gold_labels.output_id as outputId",
    "gold_labels.queue_id as queueId",
    "gold_labels.values as label",
    "gold_labels.correction",
  ]);
}

/** A frozen release's rows under the same keys; the queue comes from the gold label the row was copied from. */
export function selectReleaseRowKeys(db: Executor, projectId: string, releaseId: number) {
  return db
    .selectFrom("release_rows")
    .leftJoin("gold_labels", (join) => join.onRef("gold_labels.id", "=", "release_rows.gold_label_id").on("gold_labels.project_id", "=", projectId))
    .select(["release_rows.output_id as outputId", "gold_labels.queue_id as queueId", "release_rows.label", "release_rows.correction"])
    .where("release_rows.project_id", "=", projectId)
    .where("release_rows.release_id", "=", releaseId);
}

/**
 * Counts rows added, removed and relabelled (label or correction changed) from `previous` to `current`,
 * in one statement. Both are row-key selections from the two functions above.
 */
export async function diffRowKeys(db: Executor, current: Expression<unknown>, previous: Expression<unknown>) {
  const { rows } = await sql<{ added: number; removed: number; relabelled: number }>`
    select
      count(*) filter (where prev."outputId" is null)::int as added,
      count(*) filter (where cur."outputId" is null)::int as removed,
      count(*) filter (
        where cur."outputId" is not null and prev."outputId" is not null
          and (cur.label is distinct from prev.label or cur.correction is distinct from prev.correction)
      )::int as relabelled
    from (${current}) as cur
    full join (${previous}) as prev on cur."outputId" = prev."outputId" and cur."queueId" = prev."queueId"
  `.execute(db);
  const counts = rows[0] ?? { added: 0, removed: 0, relabelled: 0 };
  return { added: counts.added, removed: counts.removed, relabelled: counts.relabelled };
}
