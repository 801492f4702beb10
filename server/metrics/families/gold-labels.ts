import { sql } from "kysely";
import type { MetricName } from "../catalog";
import { entropyBits, labelCountsDetail, type MetricRow } from "../points";
import { inWindows, labelFieldOf, windowOf } from "../window-sql";
import type { WindowSet } from "../windows";
import type { Executor } from "@/db/executor";

type LabelCount = { queueId: string; windowStart: Date; isHoldout: boolean; field: string; label: string; count: number };

/** `gold.labels` and `gold.labels.holdout`: the entropy of current gold labels created in each window, per queue. */
export async function computeGoldLabelPoints(db: Executor, windows: WindowSet): Promise<MetricRow[]> {
  const { rows } = await sql<LabelCount>`
    select gold_labels.queue_id as "queueId", ${windowOf(sql`gold_labels.created_at`, windows)} as "windowStart",
      queue_items.is_holdout as "isHoldout", ${labelFieldOf("queues")} as field,
      coalesce(gold_labels.values->>${labelFieldOf("queues")}, '(none)') as label, count(*)::int as count
    from gold_labels
    join queue_items on queue_items.id = gold_labels.queue_item_id and queue_items.project_id = ${windows.projectId}
    join queues on queues.id = gold_labels.queue_id and queues.project_id = ${windows.projectId}
    where gold_labels.project_id = ${windows.projectId} and gold_labels.is_current and ${inWindows(sql`gold_labels.created_at`, windows)}
    group by 1, 2, 3, 4, 5
    -- A fixed order, so the entropy sums its terms alike on every pass, to the last bit.
    order by 1, 2, 3, 4, 5
  `.execute(db);
  return [...toEntropyPoints(rows, "gold.labels"), ...toEntropyPoints(rows.filter((row) => row.isHoldout), "gold.labels.holdout")];
}

function toEntropyPoints(rows: LabelCount[], metric: MetricName): MetricRow[] {
  const groups = new Map<string, { queueId: string; windowStart: Date; field: string; counts: Record<string, number> }>();
  for (const row of rows) {
    const key = `${row.queueId}|${row.windowStart.toISOString()}`;
    const group = groups.get(key) ?? { queueId: row.queueId, windowStart: row.windowStart, field: row.field, counts: {} };
    group.counts[row.label] = (group.counts[row.label] ?? 0) + row.count;
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    queueId: group.queueId,
    subject: "",
    metric,
    windowStart: group.windowStart,
    sampleSize: Object.values(group.counts).reduce((sum, count) => sum + count, 0),
    value: entropyBits(group.counts),
    detail: labelCountsDetail(group.field, group.counts),
  }));
}
