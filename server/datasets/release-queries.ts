import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import { selectEligibleGold, type DatasetScope } from "./queries";
import type { ReleaseChangelog } from "./schema";

type Executor = Kysely<DB> | Transaction<DB>;

export async function findLatestRelease(db: Executor, projectId: string, datasetId: string) {
  return db
    .selectFrom("dataset_releases")
    .select(["id", "number", "row_count as rowCount"])
    .where("project_id", "=", projectId)
    .where("dataset_id", "=", datasetId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** A dataset's release by number, or its newest one for `latest`. */
export async function findRelease(db: Executor, params: { projectId: string; datasetId: string; number: number | "latest" }) {
  let query = db
    .selectFrom("dataset_releases")
    .select(["id", "number", "row_count as rowCount"])
    .where("project_id", "=", params.projectId)
    .where("dataset_id", "=", params.datasetId);
  query = params.number === "latest" ? query.orderBy("number", "desc").limit(1) : query.where("number", "=", params.number);
  return query.executeTakeFirst();
}

export async function listReleases(db: Executor, projectId: string, datasetId: string) {
  return db
    .selectFrom("dataset_releases")
    .leftJoin("users", "users.id", "dataset_releases.published_by")
    .select([
      "dataset_releases.id",
      "dataset_releases.number",
      "dataset_releases.row_count as rowCount",
      "dataset_releases.changelog",
      "dataset_releases.notes",
      "dataset_releases.published_at as publishedAt",
      "users.name as publishedByName",
    ])
    .where("dataset_releases.project_id", "=", projectId)
    .where("dataset_releases.dataset_id", "=", datasetId)
    .orderBy("dataset_releases.number", "desc")
    .execute();
}

/** The newest release of every dataset in the project. */
export async function listLatestReleases(db: Executor, projectId: string) {
  return db
    .selectFrom("dataset_releases")
    .distinctOn("dataset_id")
    .select(["dataset_id as datasetId", "number", "row_count as rowCount", "published_at as publishedAt"])
    .where("project_id", "=", projectId)
    .orderBy("dataset_id")
    .orderBy("number", "desc")
    .execute();
}

/** Starts a release; its row count and changelog are filled in once the rows are frozen. */
export async function insertRelease(
  trx: Transaction<DB>,
  values: { projectId: string; datasetId: string; number: number; notes: string; publishedBy: string },
) {
  return trx
    .insertInto("dataset_releases")
    .values({
      project_id: values.projectId,
      dataset_id: values.datasetId,
      number: values.number,
      row_count: 0,
      changelog: JSON.stringify({}),
      notes: values.notes,
      published_by: values.publishedBy,
    })
    .returning(["id", "number", "published_at as publishedAt"])
    .executeTakeFirstOrThrow();
}

export async function completeRelease(
  trx: Transaction<DB>,
  values: { projectId: string; releaseId: number; rowCount: number; changelog: ReleaseChangelog },
) {
  await trx
    .updateTable("dataset_releases")
    .set({ row_count: values.rowCount, changelog: JSON.stringify(values.changelog) })
    .where("project_id", "=", values.projectId)
    .where("id", "=", values.releaseId)
    .execute();
}

/**
 * Copies the eligible gold rows, with their outputs, into the release in one statement, numbered in gold
 * order. Returns how many rows were frozen.
 */
export async function freezeReleaseRows(trx: Transaction<DB>, scope: DatasetScope & { releaseId: number }): Promise<number> {
  const result = await trx
    .insertInto("release_rows")
    .columns(["release_id", "position", "project_id", "gold_label_id", "output_id", "external_id", "input", "original_output", "label", "correction", "method", "confidence"])
    .expression(
      selectEligibleGold(trx, scope).select([
        sql<number>`${scope.releaseId}::bigint`.as("release_id"),
        sql<number>`row_number() over (order by gold_labels.id)`.as("position"),
        "gold_labels.project_id",
        "gold_labels.id",
        "gold_labels.output_id",
        "outputs.external_id",
        "outputs.input",
        "outputs.output",
        "gold_labels.values",
        "gold_labels.correction",
        "gold_labels.method",
        "gold_labels.confidence",
      ]),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * One page of a release as ready-made JSONL lines, after `afterPosition`. Postgres renders the JSON (keys in
 * the documented order), so the server passes text through without parsing the stored documents.
 */
export async function readReleaseLines(db: Executor, params: { projectId: string; releaseId: number; releaseNumber: number; afterPosition: number; limit: number }) {
  const { rows } = await sql<{ position: number; line: string }>`
    select release_rows.position, to_json(line)::text as line
    from release_rows
    cross join lateral (
      select ${params.releaseNumber}::int as release, external_id, input, original_output as output, label, correction, method, confidence
    ) as line
    where release_rows.project_id = ${params.projectId} and release_rows.release_id = ${params.releaseId} and release_rows.position > ${params.afterPosition}
    order by release_rows.position
    limit ${params.limit}
  `.execute(db);
  return rows;
}
