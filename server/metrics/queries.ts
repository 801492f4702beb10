import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Granularity, MetricName, MetricPoint } from "./catalog";
import type { MetricRow } from "./points";
import type { Executor } from "@/db/executor";

/** Rows per insert statement: well under Postgres's bind-parameter limit, few round trips. */
const UPSERT_CHUNK = 2_000;

export type MetricPointFilter = { granularity: Granularity; since?: Date; until?: Date; queueId?: string; metrics?: MetricName[] };

/** A project's stored points of one granularity, oldest window first; `since` inclusive, `until` exclusive, both on window_start. */
export async function readMetricPoints(db: Executor, projectId: string, filter: MetricPointFilter): Promise<MetricPoint[]> {
  let query = db
    .selectFrom("metric_points")
    .select(["queue_id as queueId", "subject", "metric", "granularity", "window_start as windowStart", "sample_size as sampleSize", "value", "detail"])
    .where("project_id", "=", projectId)
    .where("granularity", "=", filter.granularity);
  if (filter.since) query = query.where("window_start", ">=", filter.since);
  if (filter.until) query = query.where("window_start", "<", filter.until);
  if (filter.queueId) query = query.where("queue_id", "=", filter.queueId);
  if (filter.metrics) {
    if (filter.metrics.length === 0) return [];
    query = query.where("metric", "in", filter.metrics);
  }
  const rows = await query.orderBy("window_start").orderBy("metric").orderBy("queue_id").orderBy("subject").execute();
  return rows.map((row) => ({
    ...row,
    metric: row.metric as MetricName,
    granularity: row.granularity as Granularity,
    detail: row.detail as Record<string, unknown>,
  }));
}

/** Writes points, replacing what the same metric, scope and window held before. */
export async function upsertMetricPoints(trx: Transaction<DB>, params: { projectId: string; granularity: Granularity; rows: MetricRow[]; computedAt: Date }): Promise<void> {
  for (let start = 0; start < params.rows.length; start += UPSERT_CHUNK) {
    const chunk = params.rows.slice(start, start + UPSERT_CHUNK);
    await sql`
      insert into metric_points (project_id, queue_id, subject, metric, granularity, window_start, sample_size, value, detail, computed_at)
      select ${params.projectId}::uuid, point.queue_id, point.subject, point.metric, ${params.granularity}, point.window_start, point.sample_size, point.value, point.detail, ${params.computedAt}::timestamptz
      from unnest(
        ${chunk.map((row) => row.queueId)}::uuid[], ${chunk.map((row) => row.subject)}::text[], ${chunk.map((row) => row.metric)}::text[],
        ${chunk.map((row) => row.windowStart.toISOString())}::timestamptz[], ${chunk.map((row) => row.sampleSize)}::int[],
        ${chunk.map((row) => row.value)}::float8[], ${chunk.map((row) => JSON.stringify(row.detail))}::jsonb[]
      ) as point(queue_id, subject, metric, window_start, sample_size, value, detail)
      on conflict (project_id, metric, granularity, coalesce(queue_id, '00000000-0000-0000-0000-000000000000'::uuid), subject, window_start)
      do update set sample_size = excluded.sample_size, value = excluded.value, detail = excluded.detail, computed_at = excluded.computed_at
    `.execute(trx);
  }
}

/** The stored points of some windows, with the key they are upserted under. */
export async function listPointsInWindows(trx: Transaction<DB>, params: { projectId: string; granularity: Granularity; windowStarts: Date[] }) {
  return trx
    .selectFrom("metric_points")
    .select(["id", "queue_id as queueId", "subject", "metric", "window_start as windowStart", "sample_size as sampleSize", "value"])
    .where("project_id", "=", params.projectId)
    .where("granularity", "=", params.granularity)
    .where(sql<boolean>`window_start = any(${params.windowStarts.map((start) => start.toISOString())}::timestamptz[])`)
    .execute();
}

/** Points whose data is gone (a gold label revised, a queue emptied) drop to sample size 0 instead of keeping a stale value. */
export async function emptyMetricPoints(trx: Transaction<DB>, params: { projectId: string; ids: number[]; computedAt: Date }): Promise<void> {
  if (params.ids.length === 0) return;
  await trx
    .updateTable("metric_points")
    .set({ sample_size: 0, value: null, detail: "{}", computed_at: params.computedAt })
    .where("project_id", "=", params.projectId)
    .where(sql<boolean>`id = any(${params.ids}::bigint[])`)
    .execute();
}
