import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { QueueMode, UpdateQueueDefinitionInput } from "./schema";

/** An open queue's definition, locked until the end of the transaction: one edit at a time, and the audit sees what it replaced. */
export async function lockQueueDefinition(trx: Transaction<DB>, projectId: string, queueId: string) {
  return trx
    .selectFrom("queues")
    .select([
      "name",
      "instructions",
      "overlap",
      "max_overlap as maxOverlap",
      "lease_seconds as leaseSeconds",
      "sampling_rule as samplingRule",
      "mode",
      "decoy_rate as decoyRate",
      "gold_item_rate as goldItemRate",
    ])
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .where("archived_at", "is", null)
    .forUpdate()
    .$narrowType<{ mode: QueueMode }>()
    .executeTakeFirst();
}

export async function updateQueueDefinition(trx: Transaction<DB>, projectId: string, definition: UpdateQueueDefinitionInput & { mode: QueueMode }): Promise<void> {
  await trx
    .updateTable("queues")
    .set({
      name: definition.name,
      mode: definition.mode,
      instructions: definition.instructions,
      overlap: definition.overlap,
      lease_seconds: definition.leaseSeconds,
      sampling_rule: JSON.stringify(definition.samplingRule),
      updated_at: sql`now()`,
    })
    .where("project_id", "=", projectId)
    .where("id", "=", definition.queueId)
    .execute();
}

/**
 * Forgets a queue's day plans: each was computed from the rule it replaced. The next draw of any day plans
 * it again from the new rule; items already drawn keep the π they were drawn with.
 */
export async function deleteDayPlans(trx: Transaction<DB>, projectId: string, queueId: string): Promise<void> {
  await trx.deleteFrom("sampling_day_plans").where("project_id", "=", projectId).where("queue_id", "=", queueId).execute();
}

/**
 * Items that a lowered k leaves with every answer they need and still open, locked in id order (so two
 * edits cannot deadlock). Their unanswered leases end, and give back their seats, in the same statement:
 * the item is complete without them.
 */
export async function lockItemsCompletedByOverlap(trx: Transaction<DB>, projectId: string, queueId: string, overlap: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with completed as (
      select id from queue_items
      where project_id = ${projectId} and queue_id = ${queueId} and state in ('pending', 'in_review')
        and submitted_count > 0 and submitted_count >= ${overlap} + extra_seats
      order by id
      for update
    ), ended as (
      update assignments a set state = 'expired'
      from completed
      where a.project_id = ${projectId} and a.queue_item_id = completed.id and a.state = 'active'
      returning a.queue_item_id, a.is_gold_check
    ), seats as (
      select queue_item_id as id, count(*)::int as n from ended where not is_gold_check group by queue_item_id
    ), released as (
      update queue_items qi set assigned_count = qi.assigned_count - seats.n
      from seats
      where qi.project_id = ${projectId} and qi.id = seats.id
    )
    select id from completed order by id
  `.execute(trx);
  return rows.map((row) => row.id);
}

/** How many open items of a queue someone holds a seat on (a live lease or an answer): a mode switch waits for none. */
export async function countClaimedOpenItems(trx: Transaction<DB>, projectId: string, queueId: string): Promise<number> {
  const row = await trx
    .selectFrom("queue_items")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("project_id", "=", projectId)
    .where("queue_id", "=", queueId)
    .where("state", "in", ["pending", "in_review"])
    .where("assigned_count", ">", 0)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
