import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { EstimateGranularity } from "./schema";

/**
 * The current gold value of one field for every item the queue's design drew (rule or backfill, π > 0),
 * with its π and the start (UTC) of the window its output was produced in. Items a lead added by hand
 * have no design probability and are left out.
 */
export async function listDesignGold(db: Executor, params: { projectId: string; queueId: string; fieldKey: string; granularity: EstimateGranularity }) {
  const { rows } = await sql<{ value: string; inclusionProbability: number; windowStart: Date }>`
    select g.values->>${params.fieldKey} as value, qi.inclusion_probability as "inclusionProbability",
      date_trunc(${params.granularity}, o.produced_at at time zone 'UTC') at time zone 'UTC' as "windowStart"
    from gold_labels g
    join queue_items qi on qi.id = g.queue_item_id and qi.project_id = ${params.projectId}
    join outputs o on o.id = g.output_id and o.project_id = ${params.projectId}
    where g.project_id = ${params.projectId} and g.queue_id = ${params.queueId} and g.is_current
      and qi.provenance <> 'manual' and qi.inclusion_probability > 0 and g.values->>${params.fieldKey} is not null
  `.execute(db);
  return rows;
}

/** How many of the queue's items with current gold were added by hand (and so are not in the estimate). */
export async function countManualGold(db: Executor, params: { projectId: string; queueId: string }): Promise<number> {
  const row = await db
    .selectFrom("gold_labels as g")
    .innerJoin("queue_items as qi", "qi.id", "g.queue_item_id")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("g.project_id", "=", params.projectId)
    .where("qi.project_id", "=", params.projectId)
    .where("g.queue_id", "=", params.queueId)
    .where("g.is_current", "=", true)
    .where("qi.provenance", "=", "manual")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
