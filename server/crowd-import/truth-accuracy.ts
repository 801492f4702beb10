import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/** `goldMethods`: how many scored items' gold each method wrote (an item without gold counts under none). */
export type TruthAccuracy = { correct: number; items: number; accuracy: number; goldMethods: Record<string, number> };

/**
 * The share of truth items in the queue whose current gold equals the truth, as the CLI scores its own
 * inference: an item of the truth file the queue holds counts, and one without gold (a conflict) or whose
 * truth no worker gave counts as wrong. Truth items the queue does not hold are left out.
 */
export async function measureTruthAccuracy(db: Executor, params: { projectId: string; queueId: string; fieldKey: string; truth: ReadonlyMap<string, string> }): Promise<TruthAccuracy> {
  const { projectId, queueId } = params;
  const result = await sql<{ correct: number; items: number; goldMethods: Record<string, number> | null }>`
    select count(*)::int as items, count(*) filter (where gold_labels.values ->> ${params.fieldKey}::text = truth.label)::int as correct,
      (select jsonb_object_agg(method, n) from (
        select gold.method, count(*)::int as n from unnest(array_agg(gold_labels.method)) as gold(method) where gold.method is not null group by 1
      ) as by_method) as "goldMethods"
    from unnest(${[...params.truth.keys()]}::text[], ${[...params.truth.values()]}::text[]) as truth(external_id, label)
    join outputs on outputs.project_id = ${projectId}::uuid and outputs.external_id = truth.external_id
    join queue_items on queue_items.project_id = ${projectId}::uuid and queue_items.queue_id = ${queueId}::uuid and queue_items.output_id = outputs.id
    left join gold_labels on gold_labels.queue_item_id = queue_items.id and gold_labels.is_current
  `.execute(db);
  const { correct, items, goldMethods } = result.rows[0] ?? { correct: 0, items: 0, goldMethods: null };
  return { correct, items, accuracy: items === 0 ? Number.NaN : correct / items, goldMethods: goldMethods ?? {} };
}

/** Counts of the queue's items by state, for the import's summary. */
export async function countQueueItemStates(db: Executor, params: { projectId: string; queueId: string }) {
  const rows = await db
    .selectFrom("queue_items")
    .select(["state", (eb) => eb.fn.countAll<number>().as("count")])
    .where("project_id", "=", params.projectId)
    .where("queue_id", "=", params.queueId)
    .groupBy("state")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}
