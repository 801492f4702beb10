import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import { selectEligibleGold, type DatasetScope } from "./queries";
import type { ReleaseChangelog, ReleaseRecipe, ReleaseStatus } from "./schema";
import type { Executor } from "@/db/executor";

/** The newest published release of a dataset (numbers are taken at request time, so a newer one may still be publishing). */
export async function findLatestPublishedRelease(db: Executor, projectId: string, datasetId: string, options: { before?: number } = {}) {
  let query = db
    .selectFrom("dataset_releases")
    .select(["id", "number", "row_count as rowCount"])
    .where("project_id", "=", projectId)
    .where("dataset_id", "=", datasetId)
    .where("status", "=", "published");
  if (options.before !== undefined) query = query.where("number", "<", options.before);
  return query.orderBy("number", "desc").limit(1).executeTakeFirst();
}

/** The highest release number a dataset has used, whatever the release's status. */
export async function findLastReleaseNumber(db: Executor, projectId: string, datasetId: string): Promise<number> {
  const row = await db
    .selectFrom("dataset_releases")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("project_id", "=", projectId)
    .where("dataset_id", "=", datasetId)
    .executeTakeFirst();
  return row?.number ?? 0;
}

/** A published release of a dataset by number, or its newest published one for `latest`. Pulls only ever see these. */
export async function findPublishedRelease(db: Executor, params: { projectId: string; datasetId: string; number: number | "latest" }) {
  let query = db
    .selectFrom("dataset_releases")
    .select(["id", "number", "row_count as rowCount", "erased_rows as erasedRows"])
    .where("project_id", "=", params.projectId)
    .where("dataset_id", "=", params.datasetId)
    .where("status", "=", "published");
  query = params.number === "latest" ? query.orderBy("number", "desc").limit(1) : query.where("number", "=", params.number);
  return query.executeTakeFirst();
}

const releaseColumns = [
  "dataset_releases.id",
  "dataset_releases.project_id as projectId",
  "dataset_releases.dataset_id as datasetId",
  "dataset_releases.number",
  "dataset_releases.row_count as rowCount",
  "dataset_releases.changelog",
  "dataset_releases.notes",
  "dataset_releases.rows_frozen as rowsFrozen",
  "dataset_releases.rows_expected as rowsExpected",
  "dataset_releases.error",
  "dataset_releases.requested_at as requestedAt",
  "dataset_releases.published_at as publishedAt",
] as const;

/** A release of any status by number, with its progress. */
export async function findReleaseByNumber(db: Executor, params: { projectId: string; datasetId: string; number: number }) {
  return db
    .selectFrom("dataset_releases")
    .select(releaseColumns)
    .select(sql<ReleaseStatus>`dataset_releases.status`.as("status"))
    .where("dataset_releases.project_id", "=", params.projectId)
    .where("dataset_releases.dataset_id", "=", params.datasetId)
    .where("dataset_releases.number", "=", params.number)
    .executeTakeFirst();
}

export async function listReleases(db: Executor, projectId: string, datasetId: string) {
  return db
    .selectFrom("dataset_releases")
    .leftJoin("users", "users.id", "dataset_releases.published_by")
    .select(releaseColumns)
    .select([sql<ReleaseStatus>`dataset_releases.status`.as("status"), "users.name as publishedByName"])
    .where("dataset_releases.project_id", "=", projectId)
    .where("dataset_releases.dataset_id", "=", datasetId)
    .orderBy("dataset_releases.number", "desc")
    .execute();
}

/** The newest published release of every dataset in the project. */
export async function listLatestReleases(db: Executor, projectId: string) {
  return db
    .selectFrom("dataset_releases")
    .distinctOn("dataset_id")
    .select(["dataset_id as datasetId", "number", "row_count as rowCount", "published_at as publishedAt"])
    .where("project_id", "=", projectId)
    .where("status", "=", "published")
    .orderBy("dataset_id")
    .orderBy("number", "desc")
    .execute();
}

/** Whether a dataset has any release, whatever its status: from then on its split rule is fixed. */
export async function hasAnyRelease(db: Executor, projectId: string, datasetId: string): Promise<boolean> {
  const row = await db.selectFrom("dataset_releases").select("id").where("project_id", "=", projectId).where("dataset_id", "=", datasetId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** A release still being built, if any: one at a time per dataset, so changelogs compare with a finished one. */
export async function findUnfinishedRelease(db: Executor, projectId: string, datasetId: string) {
  return db
    .selectFrom("dataset_releases")
    .select(["number", "status"])
    .where("project_id", "=", projectId)
    .where("dataset_id", "=", datasetId)
    .where("status", "in", ["queued", "publishing"])
    .executeTakeFirst();
}

/** Queues a release: its number is taken now, its rows are frozen by the publish job. */
export async function insertQueuedRelease(
  trx: Transaction<DB>,
  values: { projectId: string; datasetId: string; number: number; notes: string; publishedBy: string | null; recipe: ReleaseRecipe },
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
      status: "queued",
      recipe: JSON.stringify(values.recipe),
    })
    .returning(["id", "number", "requested_at as requestedAt"])
    .executeTakeFirstOrThrow();
}

/** Locks a release for one step of its job; concurrent runs of the job (a retry, a second worker) take turns. */
export async function lockRelease(trx: Transaction<DB>, projectId: string, releaseId: number) {
  return trx
    .selectFrom("dataset_releases")
    .select(["id", "dataset_id as datasetId", "number", "recipe", "rows_frozen as rowsFrozen", "rows_expected as rowsExpected", "published_by as publishedBy"])
    .select(sql<ReleaseStatus>`status`.as("status"))
    .where("project_id", "=", projectId)
    .where("id", "=", releaseId)
    .forUpdate()
    .executeTakeFirst();
}

/** Releases queued but perhaps never handed to a worker (the process stopped between commit and send). */
export async function listQueuedReleases(db: Executor) {
  return db.selectFrom("dataset_releases").select(["id", "project_id as projectId"]).where("status", "=", "queued").orderBy("id").limit(100).execute();
}

/**
 * Picks the release's rows in one statement: the eligible gold ids, numbered in gold order. Later batches
 * copy exactly these, so the release is one snapshot even while gold is revised during the job.
 */
export async function stageReleaseCandidates(trx: Transaction<DB>, scope: DatasetScope & { releaseId: number }): Promise<number> {
  const result = await trx
    .insertInto("release_candidates")
    .columns(["release_id", "position", "project_id", "gold_label_id"])
    .expression(
      selectEligibleGold(trx, scope).select([
        sql<number>`${scope.releaseId}::bigint`.as("release_id"),
        sql<number>`row_number() over (order by gold_labels.id)`.as("position"),
        "gold_labels.project_id",
        "gold_labels.id",
      ]),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function setReleaseStatus(
  trx: Transaction<DB>,
  values: { projectId: string; releaseId: number; status: ReleaseStatus; rowsExpected?: number; error?: string | null },
) {
  await trx
    .updateTable("dataset_releases")
    .set({
      status: values.status,
      ...(values.rowsExpected === undefined ? {} : { rows_expected: values.rowsExpected }),
      ...(values.error === undefined ? {} : { error: values.error }),
    })
    .where("project_id", "=", values.projectId)
    .where("id", "=", values.releaseId)
    .execute();
}

/** The split rule as the freezing statement needs it. */
export type SplitRule = { splitTrain: number; splitValidation: number; splitKey: ReleaseRecipe["splitKey"]; splitMetadataKey: string | null };

/**
 * The group a row is split by, per the dataset's split key; a row without one is a group of its own. No
 * salt: a group lands in the same split in every dataset with the same shares.
 */
function groupKey(rule: SplitRule) {
  const key =
    rule.splitKey === "end_user_id" ? sql`outputs.end_user_id` : rule.splitKey === "trace_id" ? sql`outputs.trace_id` : sql`outputs.metadata ->> ${rule.splitMetadataKey ?? ""}`;
  return sql<string>`coalesce(nullif(${key}, ''), 'output:' || outputs.id::text)`;
}

/** train / validation / test from the first 32 bits of md5(group key), read as a fraction of 2^32. */
function splitOf(rule: SplitRule) {
  const bucket = sql`(('x' || left(md5(${groupKey(rule)}), 8))::bit(32)::bigint / 4294967296.0)`;
  return sql<string>`case when ${bucket} < ${rule.splitTrain} then 'train' when ${bucket} < ${rule.splitTrain + rule.splitValidation} then 'validation' else 'test' end`;
}

/**
 * The rubric criteria the gold's schema version marks as assertions, in schema order, each with the gold's
 * verdict (pass/fail as true/false, a 1–5 score as the gold score): the checks an eval of this row runs.
 */
const goldAssertions = sql`(
  select coalesce(jsonb_agg(jsonb_build_object(
      'field', field.value ->> 'key', 'criterion', criterion.value ->> 'key', 'title', criterion.value ->> 'title',
      'description', coalesce(criterion.value ->> 'description', ''), 'scale', criterion.value ->> 'scale',
      'gold', gold_labels.values -> (field.value ->> 'key') -> (criterion.value ->> 'key')
    ) order by field.position, criterion.position), '[]'::jsonb)
  from queue_schema_versions as versions
  cross join lateral jsonb_array_elements(versions.label_schema -> 'fields') with ordinality as field(value, position)
  cross join lateral jsonb_array_elements(case when field.value ->> 'type' = 'rubric' then field.value -> 'criteria' else '[]'::jsonb end)
    with ordinality as criterion(value, position)
  where versions.project_id = gold_labels.project_id and versions.queue_id = gold_labels.queue_id and versions.version = gold_labels.schema_version
    and (criterion.value ->> 'assertion')::boolean
)`;

/** A person as a release shows them: stable within the project, never their name or email. */
const pseudonym = (userId: ReturnType<typeof sql>) =>
  sql<string>`'ann_' || left(encode(sha256(convert_to(gold_labels.project_id::text || ':' || ${userId}::text, 'UTF8')), 'hex'), 12)`;

/**
 * Copies the next `limit` staged candidates after `afterPosition` into the release, with output, split,
 * queue, label-schema version and lineage. Returns how many rows it copied and whether candidates remain
 * past this range. A candidate whose gold was deleted since (its queue removed) is a gap, and is skipped.
 */
export async function freezeReleaseBatch(
  trx: Transaction<DB>,
  params: { projectId: string; releaseId: number; afterPosition: number; limit: number; rule: SplitRule },
): Promise<{ frozen: number; hasMore: boolean }> {
  const { projectId, releaseId } = params;
  const { rows } = await sql<{ position: number }>`
    insert into release_rows (
      release_id, position, project_id, gold_label_id, output_id, external_id, input, original_output, candidates, label, assertions, correction, method, confidence,
      split, queue_id, queue_name, schema_version, gold_created_at, lineage
    )
    select
      candidates.release_id, candidates.position, gold_labels.project_id, gold_labels.id, outputs.id, outputs.external_id, outputs.input, outputs.output, outputs.candidates,
      gold_labels.values, ${goldAssertions}, gold_labels.correction, gold_labels.method, gold_labels.confidence,
      ${splitOf(params.rule)}, queues.id, queues.name, gold_labels.schema_version, gold_labels.created_at,
      jsonb_build_object(
        'output_id', outputs.id,
        'trace_id', outputs.trace_id,
        'gold_label_id', gold_labels.id,
        'supersedes', gold_labels.supersedes,
        'annotations', coalesce((
          select jsonb_agg(jsonb_build_object(
            'annotator', ${pseudonym(sql`annotations.annotator_id`)}, 'values', annotations.values,
            'correction', annotations.correction, 'submitted_at', annotations.created_at
          ) order by annotations.id)
          from annotations
          join assignments on assignments.id = annotations.assignment_id
          where annotations.project_id = ${projectId} and assignments.project_id = ${projectId}
            and annotations.queue_item_id = gold_labels.queue_item_id and assignments.state = 'submitted'
            -- Decoy answers measure annotators and never vote, so they are no part of the gold's lineage.
            and annotations.counts_toward_gold
        ), '[]'::jsonb),
        'gold', jsonb_build_object(
          'method', gold_labels.method,
          'confidence', gold_labels.confidence,
          'adjudicator', case when gold_labels.resolved_by is null then null else ${pseudonym(sql`gold_labels.resolved_by`)} end,
          'created_at', gold_labels.created_at
        )
      )
    from release_candidates as candidates
    join gold_labels on gold_labels.id = candidates.gold_label_id
    join outputs on outputs.id = gold_labels.output_id
    join queues on queues.id = gold_labels.queue_id
    where candidates.project_id = ${projectId} and candidates.release_id = ${releaseId}
      and candidates.position > ${params.afterPosition} and candidates.position <= ${params.afterPosition + params.limit}
      and gold_labels.project_id = ${projectId} and outputs.project_id = ${projectId} and queues.project_id = ${projectId}
    -- A second run of the job over the same range (a retry racing a stalled worker) copies nothing twice.
    on conflict (release_id, position) do nothing
    returning position
  `.execute(trx);
  const more = await trx
    .selectFrom("release_candidates")
    .select("position")
    .where("project_id", "=", projectId)
    .where("release_id", "=", releaseId)
    .where("position", ">", params.afterPosition + params.limit)
    .limit(1)
    .executeTakeFirst();
  return { frozen: rows.length, hasMore: more !== undefined };
}

/** Where a resumed job starts: the last position frozen so far. */
export async function findLastFrozenPosition(db: Executor, projectId: string, releaseId: number): Promise<number> {
  const row = await db
    .selectFrom("release_rows")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("project_id", "=", projectId)
    .where("release_id", "=", releaseId)
    .executeTakeFirst();
  return row?.position ?? 0;
}

export async function addFrozenRows(trx: Transaction<DB>, projectId: string, releaseId: number, frozen: number) {
  await trx
    .updateTable("dataset_releases")
    .set((eb) => ({ rows_frozen: eb("rows_frozen", "+", frozen) }))
    .where("project_id", "=", projectId)
    .where("id", "=", releaseId)
    .execute();
}

/** Marks a fully frozen release published and drops its staged candidates. */
export async function markReleasePublished(trx: Transaction<DB>, values: { projectId: string; releaseId: number; rowCount: number; changelog: ReleaseChangelog }) {
  await trx
    .updateTable("dataset_releases")
    .set({ status: "published", row_count: values.rowCount, changelog: JSON.stringify(values.changelog), error: null, published_at: sql`now()` })
    .where("project_id", "=", values.projectId)
    .where("id", "=", values.releaseId)
    .execute();
  await trx.deleteFrom("release_candidates").where("project_id", "=", values.projectId).where("release_id", "=", values.releaseId).execute();
}
