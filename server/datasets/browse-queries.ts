import { sql } from "kysely";
import type { Json } from "@/db/types";
import type { SplitName } from "./schema";
import type { Executor } from "@/db/executor";

export type BrowseFilters = {
  split?: SplitName;
  label?: { key: string; value: string };
  change?: "added" | "relabelled" | "unchanged";
  search?: string;
};

/** Escapes LIKE wildcards so a search for `50%` finds that text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * One page of a release's rows in position order, each with how it changed from the previous published
 * release (`previousReleaseId` null: every row is added). Search looks in the external id, the input and
 * the output as text.
 */
export async function listReleaseRows(
  db: Executor,
  params: { projectId: string; releaseId: number; previousReleaseId: number | null; filters: BrowseFilters; limit: number; offset: number },
) {
  const { projectId, filters } = params;
  const conditions = [sql`cur.project_id = ${projectId}`, sql`cur.release_id = ${params.releaseId}`];
  if (filters.split) conditions.push(sql`cur.split = ${filters.split}`);
  if (filters.label) conditions.push(sql`cur.label ->> ${filters.label.key} = ${filters.label.value}`);
  if (filters.search) {
    const pattern = likePattern(filters.search);
    conditions.push(sql`(cur.external_id ilike ${pattern} or cur.input::text ilike ${pattern} or cur.original_output::text ilike ${pattern} or cur.correction ilike ${pattern})`);
  }
  const change = sql`case when prev.output_id is null then 'added' when prev.label is distinct from cur.label or prev.correction is distinct from cur.correction then 'relabelled' else 'unchanged' end`;
  if (filters.change) conditions.push(sql`${change} = ${filters.change}`);
  const { rows } = await sql<{
    position: number;
    externalId: string;
    split: SplitName;
    queueName: string | null;
    input: Json;
    output: Json;
    label: Json;
    correction: string | null;
    method: string;
    confidence: number;
    change: "added" | "relabelled" | "unchanged";
    previousLabel: Json | null;
    total: number;
  }>`
    select
      cur.position, cur.external_id as "externalId", cur.split, cur.queue_name as "queueName", cur.input, cur.original_output as output,
      cur.label, cur.correction, cur.method, cur.confidence, ${change} as change, prev.label as "previousLabel",
      count(*) over ()::int as total
    from release_rows as cur
    left join release_rows as prev
      on prev.project_id = ${projectId} and prev.release_id = ${params.previousReleaseId ?? -1}
      and prev.output_id = cur.output_id and prev.queue_id is not distinct from cur.queue_id
    where ${sql.join(conditions, sql` and `)}
    order by cur.position
    limit ${params.limit} offset ${params.offset}
  `.execute(db);
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
}

/** Rows per split and value of each label field, for the class-balance chart. */
export async function countClassBalance(db: Executor, projectId: string, releaseId: number) {
  const { rows } = await sql<{ split: SplitName; field: string; value: string; count: number }>`
    select release_rows.split, fields.key as field, fields.value, count(*)::int as count
    from release_rows
    cross join lateral jsonb_each_text(case when jsonb_typeof(release_rows.label) = 'object' then release_rows.label else '{}'::jsonb end) as fields
    where release_rows.project_id = ${projectId} and release_rows.release_id = ${releaseId}
    group by release_rows.split, fields.key, fields.value
    order by fields.key, fields.value, release_rows.split
  `.execute(db);
  return rows;
}

/** The label versions a release's rows were labelled under, per queue (rows of gold from before versions had none). */
export async function listReleaseLabelVersions(db: Executor, projectId: string, releaseId: number) {
  const { rows } = await sql<{ queueId: string; queueName: string; version: number; rows: number }>`
    select queue_id as "queueId", queue_name as "queueName", schema_version as version, count(*)::int as rows
    from release_rows
    where project_id = ${projectId} and release_id = ${releaseId} and queue_id is not null and schema_version is not null
    group by queue_id, queue_name, schema_version
    order by queue_name, schema_version
  `.execute(db);
  return rows;
}
