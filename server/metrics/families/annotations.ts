import { sql } from "kysely";
import { addClusterMoments, share, type MetricRow } from "../points";
import type { ItemClusterMoments } from "../catalog";
import { inWindows, labelFieldOf, windowOf } from "../window-sql";
import type { WindowSet } from "../windows";
import type { Executor } from "@/db/executor";

type Counts = {
  queueId: string;
  windowStart: Date;
  isHoldout: boolean;
  annotations: number;
  corrected: number;
  approvable: number;
  approved: number;
  correctedClusters: ItemClusterMoments;
  approvedClusters: ItemClusterMoments;
};

/**
 * `labels.approval` and `corrections.rate`, each with its holdout slice: over the annotations that count
 * toward gold (decoy answers measure the annotator, not the output), created in the window, per queue.
 * Approval exists only for queues that name approval values for their field.
 *
 * The annotations of one item share its output, so they are not independent trials: each point also keeps
 * the per-item moments (`clusters`) from which detectors estimate the design effect.
 */
export async function computeAnnotationPoints(db: Executor, windows: WindowSet): Promise<MetricRow[]> {
  const { rows } = await sql<Counts>`
    with per_item as (
      select queue_items.queue_id, ${windowOf(sql`annotations.created_at`, windows)} as window_start, queue_items.is_holdout,
        count(*)::int as annotations,
        count(*) filter (where annotations.correction is not null)::int as corrected,
        count(*) filter (where approval.values is not null and annotations.values->>${labelFieldOf("queues")} is not null)::int as approvable,
        count(*) filter (where approval.values @> jsonb_build_array(annotations.values->>${labelFieldOf("queues")}))::int as approved
      from annotations
      join queue_items on queue_items.id = annotations.queue_item_id and queue_items.project_id = ${windows.projectId}
      join queues on queues.id = queue_items.queue_id and queues.project_id = ${windows.projectId}
      cross join lateral (
        -- Nested: jsonb_array_length fails on a non-array, and AND does not promise to test the type first.
        select case when jsonb_typeof(queues.approval_values->${labelFieldOf("queues")}) = 'array'
          then case when jsonb_array_length(queues.approval_values->${labelFieldOf("queues")}) > 0 then queues.approval_values->${labelFieldOf("queues")} end end as values
      ) as approval
      where annotations.project_id = ${windows.projectId} and annotations.counts_toward_gold and ${inWindows(sql`annotations.created_at`, windows)}
      group by queue_items.queue_id, 2, queue_items.is_holdout, queue_items.id
    )
    select queue_id as "queueId", window_start as "windowStart", is_holdout as "isHoldout",
      sum(annotations)::int as annotations, sum(corrected)::int as corrected, sum(approvable)::int as approvable, sum(approved)::int as approved,
      jsonb_build_object('items', count(*), 'xx', sum(corrected * corrected), 'xn', sum(corrected * annotations), 'nn', sum(annotations * annotations)) as "correctedClusters",
      jsonb_build_object('items', count(*) filter (where approvable > 0), 'xx', sum(approved * approved), 'xn', sum(approved * approvable), 'nn', sum(approvable * approvable)) as "approvedClusters"
    from per_item
    group by 1, 2, 3
  `.execute(db);
  return [...toPoints(mergeSlices(rows), ""), ...toPoints(rows.filter((row) => row.isHoldout), ".holdout")];
}

/** The whole queue: its holdout and non-holdout rows of a window added up. */
function mergeSlices(rows: Counts[]): Counts[] {
  const merged = new Map<string, Counts>();
  for (const row of rows) {
    const key = `${row.queueId}|${row.windowStart.toISOString()}`;
    const sum = merged.get(key);
    if (!sum) {
      merged.set(key, { ...row });
      continue;
    }
    for (const field of ["annotations", "corrected", "approvable", "approved"] as const) sum[field] += row[field];
    sum.correctedClusters = addClusterMoments(sum.correctedClusters, row.correctedClusters);
    sum.approvedClusters = addClusterMoments(sum.approvedClusters, row.approvedClusters);
  }
  return [...merged.values()];
}

function toPoints(rows: Counts[], suffix: "" | ".holdout"): MetricRow[] {
  return rows.flatMap((row) => {
    const base = { queueId: row.queueId, subject: "", windowStart: row.windowStart };
    const corrections: MetricRow = { ...base, metric: `corrections.rate${suffix}`, sampleSize: row.annotations, value: share(row.corrected, row.annotations), detail: { corrected: row.corrected, clusters: row.correctedClusters } };
    if (row.approvable === 0) return [corrections];
    return [corrections, { ...base, metric: `labels.approval${suffix}`, sampleSize: row.approvable, value: share(row.approved, row.approvable), detail: { approved: row.approved, clusters: row.approvedClusters } }];
  });
}
