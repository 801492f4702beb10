import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Granularity } from "./catalog";
import type { TouchedInstants } from "./windows";
import type { Executor } from "@/db/executor";

/** The tables whose rows feed metric points, each followed by id. */
export const metricSources = ["outputs", "signals", "annotations", "gold_labels"] as const;
export type MetricSource = (typeof metricSources)[number];
/** The highest id per source: folded in (a watermark) or to fold in now (a bound). */
export type SourceIds = Record<MetricSource, number>;

const NO_IDS: SourceIds = { outputs: 0, signals: 0, annotations: 0, gold_labels: 0 };

/** Serializes metric passes of one project; held until the pass's transaction ends. */
export async function lockProjectMetrics(trx: Transaction<DB>, projectId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`metrics:${projectId}`}, 0))`.execute(trx);
}

/**
 * The highest id of each source table (over all projects: an id above a project's watermark that belongs to
 * another project is simply not found), and the writing transactions of this database running as they were read.
 */
export async function readSourceBounds(db: Executor): Promise<{ ids: SourceIds; runningTransactions: string[] }> {
  const { rows } = await sql<SourceIds & { runningTransactions: string[] }>`
    select
      coalesce((select max(id) from outputs), 0)::float8 as outputs,
      coalesce((select max(id) from signals), 0)::float8 as signals,
      coalesce((select max(id) from annotations), 0)::float8 as annotations,
      coalesce((select max(id) from gold_labels), 0)::float8 as gold_labels,
      array(
        select backend_xid::text from pg_stat_activity
        where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()
      ) as "runningTransactions"
  `.execute(db);
  const { runningTransactions, ...ids } = rows[0]!;
  return { ids, runningTransactions };
}

/** How many of these transactions are still running. */
export async function countRunningTransactions(db: Executor, transactionIds: string[]): Promise<number> {
  if (transactionIds.length === 0) return 0;
  const { rows } = await sql<{ running: number }>`
    select count(*)::int as running from pg_stat_activity
    where datname = current_database() and backend_xid::text = any(${transactionIds}::text[])
  `.execute(db);
  return rows[0]!.running;
}

export async function readWatermarks(trx: Transaction<DB>, projectId: string): Promise<SourceIds> {
  const rows = await trx.selectFrom("metric_watermarks").select(["source", "last_id as lastId"]).where("project_id", "=", projectId).execute();
  const marks = { ...NO_IDS };
  for (const row of rows) if ((metricSources as readonly string[]).includes(row.source)) marks[row.source as MetricSource] = Number(row.lastId);
  return marks;
}

/** Moves each watermark up to its bound, never down (a slower pass may hold an older bound). */
export async function advanceWatermarks(trx: Transaction<DB>, projectId: string, bounds: SourceIds): Promise<void> {
  await trx
    .insertInto("metric_watermarks")
    .values(metricSources.map((source) => ({ project_id: projectId, source, last_id: bounds[source] })))
    .onConflict((oc) =>
      oc.columns(["project_id", "source"]).doUpdateSet({
        last_id: sql<number>`greatest(metric_watermarks.last_id, excluded.last_id)`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/**
 * The UTC hours whose windows rows in (watermark, bound] change, whatever timestamps those rows carry:
 * - an output's production hour, and a signal's output's;
 * - an annotation's hour, and the resolution hour of its item (agreement);
 * - a gold label's hour, its item's resolution hour, and the hour of the gold it supersedes (no longer current).
 */
export async function findTouchedHours(trx: Transaction<DB>, projectId: string, after: SourceIds, upTo: SourceIds): Promise<Date[]> {
  const { rows } = await sql<{ hour: Date }>`
    select distinct date_trunc('hour', touched.at, 'UTC') as hour from (
      select outputs.produced_at as at from outputs
      where outputs.project_id = ${projectId} and outputs.id > ${after.outputs} and outputs.id <= ${upTo.outputs}
      union all
      select outputs.produced_at from signals join outputs on outputs.id = signals.output_id and outputs.project_id = ${projectId}
      where signals.project_id = ${projectId} and signals.id > ${after.signals} and signals.id <= ${upTo.signals}
      union all
      select unnest(array[annotations.created_at, queue_items.resolved_at]) from annotations
      join queue_items on queue_items.id = annotations.queue_item_id and queue_items.project_id = ${projectId}
      where annotations.project_id = ${projectId} and annotations.id > ${after.annotations} and annotations.id <= ${upTo.annotations}
      union all
      select unnest(array[gold_labels.created_at, queue_items.resolved_at, superseded.created_at]) from gold_labels
      join queue_items on queue_items.id = gold_labels.queue_item_id and queue_items.project_id = ${projectId}
      left join gold_labels as superseded on superseded.id = gold_labels.supersedes and superseded.project_id = ${projectId}
      where gold_labels.project_id = ${projectId} and gold_labels.id > ${after.gold_labels} and gold_labels.id <= ${upTo.gold_labels}
    ) as touched
    where touched.at is not null
  `.execute(trx);
  return rows.map((row) => row.hour);
}

/**
 * Per granularity, the UTC hours from `since` on that hold data, and the windows that already have points of
 * that granularity (which may now have to empty).
 */
export async function findWindowsSince(trx: Transaction<DB>, projectId: string, since: Date): Promise<TouchedInstants> {
  const { rows } = await sql<{ at: Date; granularity: Granularity | null }>`
    select distinct date_trunc('hour', touched.at, 'UTC') as at, touched.granularity from (
      select produced_at as at, null as granularity from outputs where project_id = ${projectId} and produced_at >= ${since}
      union all select created_at, null from annotations where project_id = ${projectId} and created_at >= ${since}
      union all select resolved_at, null from queue_items where project_id = ${projectId} and resolved_at >= ${since}
      union all select created_at, null from gold_labels where project_id = ${projectId} and created_at >= ${since}
      union all select window_start, granularity from metric_points where project_id = ${projectId} and window_start >= ${since}
    ) as touched
  `.execute(trx);
  const pick = (granularity: Granularity) => rows.filter((row) => row.granularity === null || row.granularity === granularity).map((row) => row.at);
  return { hour: pick("hour"), day: pick("day") };
}
