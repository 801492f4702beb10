import { sql, type Transaction } from "kysely";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";
import type { ErasureCounts } from "./schema";

/** The end user's outputs, their queue items and assignments, as CTEs every statement below starts from. */
const endUserScope = (projectId: string, endUserId: string) => sql`
  target as (select id from outputs where project_id = ${projectId} and end_user_id = ${endUserId}),
  items as (select id from queue_items where project_id = ${projectId} and output_id in (select id from target)),
  assigned as (select id from assignments where project_id = ${projectId} and queue_item_id in (select id from items)),
  documents as (
    select 'project/' || ${projectId} || '/correction/' || id as name from assigned
    union all select 'project/' || ${projectId} || '/gold/' || id from items
    union all select 'project/' || ${projectId} || '/shared/' || id from items
  )`;

/** What erasing the end user deletes, table by table, without deleting anything. */
export async function countEndUserData(db: Executor, projectId: string, endUserId: string): Promise<ErasureCounts> {
  const { rows } = await sql<ErasureCounts>`
    with ${endUserScope(projectId, endUserId)}
    select
      (select count(*) from target)::int as "outputs",
      (select count(*) from signals where project_id = ${projectId} and (end_user_id = ${endUserId} or output_id in (select id from target)))::int as "signals",
      (select count(*) from items)::int as "queueItems",
      (select count(*) from assigned)::int as "assignments",
      (select count(*) from annotations where project_id = ${projectId} and queue_item_id in (select id from items))::int as "annotations",
      (select count(*) from gold_labels where project_id = ${projectId} and output_id in (select id from target))::int as "goldLabels",
      (select count(*) from gold_items where project_id = ${projectId} and queue_item_id in (select id from items))::int as "goldItems",
      (select count(*) from (
        select name from collab_docs where project_id = ${projectId} and name in (select name from documents)
        union select document_name from collab_updates where project_id = ${projectId} and document_name in (select name from documents)
      ) as stored)::int as "collabDocuments",
      (select count(*) from release_rows where project_id = ${projectId} and erased_at is null and output_id in (select id from target))::int as "releaseRowsTombstoned"
  `.execute(db);
  return rows[0]!;
}

/**
 * Holds off release freezing until the erasure commits. A freeze copying the end user's outputs either
 * committed before this lock (and its rows are tombstoned below) or starts after the erasure (and no longer
 * sees them); without the lock one could copy their content in between. Inserts, not reads, wait.
 */
export async function lockReleaseRowsForErasure(trx: Transaction<DB>): Promise<void> {
  await sql`lock table release_rows in share row exclusive mode`.execute(trx);
  // The trigger that keeps release rows immutable lets exactly this transaction write tombstones.
  await sql`select set_config('goldloop.erasing_end_user', 'on', true)`.execute(trx);
}

/** Turns the end user's frozen release rows into tombstones and counts them on their releases (for the ETag); returns how many per release. */
export async function tombstoneReleaseRows(trx: Transaction<DB>, projectId: string, endUserId: string) {
  const { rows } = await sql<{ releaseId: number; datasetSlug: string; release: number; rows: number }>`
    with tombstoned as (
      update release_rows
      set input = 'null'::jsonb, original_output = 'null'::jsonb, candidates = null, label = '{}'::jsonb, assertions = null, correction = null, erased_at = now(),
        lineage = jsonb_build_object('erased_at', now(), 'output_id', output_id, 'gold_label_id', gold_label_id)
      where project_id = ${projectId} and erased_at is null
        and output_id in (select id from outputs where project_id = ${projectId} and end_user_id = ${endUserId})
      returning release_id
    ),
    per_release as (select release_id, count(*)::int as rows from tombstoned group by release_id),
    counted as (
      update dataset_releases set erased_rows = erased_rows + per_release.rows
      from per_release
      where dataset_releases.id = per_release.release_id and dataset_releases.project_id = ${projectId}
      returning dataset_releases.id, dataset_releases.dataset_id, dataset_releases.number, per_release.rows
    )
    select counted.id as "releaseId", datasets.slug as "datasetSlug", counted.number as "release", counted.rows as "rows"
    from counted
    join datasets on datasets.id = counted.dataset_id and datasets.project_id = ${projectId}
    order by datasets.slug, counted.number
  `.execute(trx);
  return rows;
}

/**
 * Deletes the end user's collaboration documents, their signals (also those left on other users' outputs)
 * and their outputs; queue items, assignments, annotations, gold labels, gold checks, reopenings and refit
 * flags go with the outputs by cascade.
 */
export async function deleteEndUserData(trx: Transaction<DB>, projectId: string, endUserId: string): Promise<void> {
  await sql`
    with ${endUserScope(projectId, endUserId)},
    updates as (delete from collab_updates where project_id = ${projectId} and document_name in (select name from documents) returning 1),
    snapshots as (delete from collab_docs where project_id = ${projectId} and name in (select name from documents) returning 1),
    authors as (delete from collab_authors where project_id = ${projectId} and document_name in (select name from documents) returning 1)
    delete from signals where project_id = ${projectId} and end_user_id = ${endUserId}
  `.execute(trx);
  await trx.deleteFrom("outputs").where("project_id", "=", projectId).where("end_user_id", "=", endUserId).execute();
}
