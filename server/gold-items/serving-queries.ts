import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/**
 * Leases a random active gold item of the queue to an annotator who never had any assignment on it, in one
 * statement. A gold check takes no seat, so the item's counters and state stay as they are; the unique
 * (queue_item_id, annotator_id) key makes a concurrent second serving of the same item to the same person
 * do nothing, and an item is never served to one annotator twice, even after an expired lease.
 */
export async function insertGoldCheckAssignment(db: Executor, params: { projectId: string; queueId: string; userId: string; leaseSeconds: number }) {
  const { projectId, queueId, userId, leaseSeconds } = params;
  const { rows } = await sql<{ assignmentId: number; queueItemId: number }>`
    insert into assignments (project_id, queue_id, queue_item_id, annotator_id, state, lease_expires_at, is_gold_check)
    select ${projectId}::uuid, ${queueId}::uuid, g.queue_item_id, ${userId}::uuid, 'active', now() + make_interval(secs => ${leaseSeconds}), true
    from gold_items g
    where g.project_id = ${projectId} and g.queue_id = ${queueId} and g.retired_at is null
      and not exists (select 1 from assignments a where a.project_id = ${projectId} and a.queue_item_id = g.queue_item_id and a.annotator_id = ${userId})
    order by random()
    limit 1
    on conflict (queue_item_id, annotator_id) do nothing
    returning id as "assignmentId", queue_item_id as "queueItemId"
  `.execute(db);
  return rows[0];
}

/**
 * The known answer a gold-check assignment is graded against: the gold item that was live when it was
 * served (it may have been retired since). Undefined for a production assignment.
 */
export async function findGoldCheckExpectation(db: Executor, projectId: string, assignmentId: number) {
  return db
    .selectFrom("assignments as s")
    .innerJoin("gold_items as g", (join) => join.onRef("g.queue_item_id", "=", "s.queue_item_id").onRef("g.created_at", "<=", "s.created_at"))
    .select(["g.expected_values as expectedValues", "s.queue_id as queueId"])
    .where("s.project_id", "=", projectId)
    .where("g.project_id", "=", projectId)
    .where("s.id", "=", assignmentId)
    .where("s.is_gold_check", "=", true)
    .orderBy("g.id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Whether an assignment is a gold check, for skip and submit, which must leave the item's seats alone. */
export async function isGoldCheckAssignment(db: Executor, projectId: string, assignmentId: number): Promise<boolean> {
  const row = await db.selectFrom("assignments").select("is_gold_check as isGoldCheck").where("project_id", "=", projectId).where("id", "=", assignmentId).executeTakeFirst();
  return row?.isGoldCheck ?? false;
}
