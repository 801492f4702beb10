import { sql } from "kysely";
import type { MetricName } from "../catalog";
import { finiteOrNull, type MetricRow } from "../points";
import { inWindows, windowOf } from "../window-sql";
import type { WindowSet } from "../windows";
import type { Executor } from "@/db/executor";

/**
 * `latency.queued`, `latency.first_claim`, `latency.gold` and `latency.pullable`: p50 and p95 seconds from
 * ingest to each stage, over the current gold labels created in the window, per queue. A revision is left
 * out: its gold came from a lead reopening the item, not from the loop running. Gold written before the
 * stages were stamped has none and is not counted.
 */
export async function computeLatencyPoints(db: Executor, windows: WindowSet): Promise<MetricRow[]> {
  const { rows } = await sql<{ queueId: string; windowStart: Date; metric: MetricName; count: number; p50: number; p95: number }>`
    select gold_labels.queue_id as "queueId", ${windowOf(sql`gold_labels.created_at`, windows)} as "windowStart", stage.metric, count(*)::int as count,
      percentile_cont(0.5) within group (order by extract(epoch from stage.at - gold_labels.ingested_at)) as p50,
      percentile_cont(0.95) within group (order by extract(epoch from stage.at - gold_labels.ingested_at)) as p95
    from gold_labels
    cross join lateral (values
      ('latency.queued', gold_labels.queued_at),
      ('latency.first_claim', gold_labels.first_claimed_at),
      ('latency.gold', gold_labels.created_at),
      ('latency.pullable', gold_labels.pullable_at)
    ) as stage(metric, at)
    where gold_labels.project_id = ${windows.projectId} and gold_labels.is_current and gold_labels.supersedes is null
      and gold_labels.ingested_at is not null and stage.at is not null and ${inWindows(sql`gold_labels.created_at`, windows)}
    group by 1, 2, 3
  `.execute(db);
  return rows.map((row) => ({
    queueId: row.queueId,
    subject: "",
    metric: row.metric,
    windowStart: row.windowStart,
    sampleSize: row.count,
    value: finiteOrNull(row.p95),
    detail: { p50: finiteOrNull(row.p50), p95: finiteOrNull(row.p95) },
  }));
}
