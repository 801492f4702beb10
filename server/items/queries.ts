import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";
import type { WithAssignmentState, WithItemState } from "./states";

/**
 * Locks an item for the rest of the transaction: every change to its assignments, its state and its gold
 * happens under this lock.
 */
export async function lockQueueItem(trx: Transaction<DB>, projectId: string, queueItemId: number) {
  return trx
    .selectFrom("queue_items")
    .select([
      "id",
      "queue_id as queueId",
      "output_id as outputId",
      "state",
      "assigned_count as assignedCount",
      "submitted_count as submittedCount",
      "extra_seats as extraSeats",
      "conflict_reasons as conflictReasons",
    ])
    .where("project_id", "=", projectId)
    .where("id", "=", queueItemId)
    .forUpdate()
    .$narrowType<WithItemState>()
    .executeTakeFirst();
}

/** An item's state, its queue's mode and the output it was made from, for collaboration access and seeding. */
export async function findItemOutput(db: Executor, projectId: string, queueItemId: number) {
  return db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .innerJoin("queues", "queues.id", "queue_items.queue_id")
    .select(["queue_items.state", "queue_items.conflict_reasons as conflictReasons", "outputs.output", "queues.mode"])
    .where("queue_items.project_id", "=", projectId)
    .where("outputs.project_id", "=", projectId)
    .where("queues.project_id", "=", projectId)
    .where("queue_items.id", "=", queueItemId)
    .$narrowType<WithItemState>()
    .executeTakeFirst();
}

/** An assignment's owner, state and item, for deciding who may act on it or open its correction document. */
export async function findAssignmentOwner(db: Executor, projectId: string, assignmentId: number) {
  return db
    .selectFrom("assignments")
    .select(["annotator_id as annotatorId", "state", "queue_item_id as queueItemId"])
    .where("project_id", "=", projectId)
    .where("id", "=", assignmentId)
    .$narrowType<WithAssignmentState>()
    .executeTakeFirst();
}

export async function hasSubmittedOnItem(db: Executor, params: { projectId: string; queueItemId: number; userId: string }): Promise<boolean> {
  const row = await db
    .selectFrom("assignments")
    .select("id")
    .where("project_id", "=", params.projectId)
    .where("queue_item_id", "=", params.queueItemId)
    .where("annotator_id", "=", params.userId)
    .where("state", "=", "submitted")
    // A gold-check answer opens nothing: the shared view would show the known answer.
    .where("is_gold_check", "=", false)
    .executeTakeFirst();
  return row !== undefined;
}

/** Production feedback on an output, oldest first. */
export async function listOutputSignals(db: Executor, projectId: string, outputId: number) {
  return db
    .selectFrom("signals")
    .select(["kind", "value", "comment", "occurred_at as occurredAt"])
    .where("project_id", "=", projectId)
    .where("output_id", "=", outputId)
    .orderBy("occurred_at")
    .orderBy("id")
    .limit(100)
    .execute();
}

/** How many people belong to the project: the most distinct annotators an item can ever get. */
export async function countProjectMembers(db: Executor, projectId: string): Promise<number> {
  const row = await db.selectFrom("memberships").select((eb) => eb.fn.countAll<string>().as("count")).where("project_id", "=", projectId).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The state of someone's own assignment on an item (one per person and item), for the shared document of a collaborative item. */
export async function findOwnItemAssignment(db: Executor, params: { projectId: string; queueItemId: number; userId: string }) {
  return db
    .selectFrom("assignments")
    .select(["id", "state"])
    .where("project_id", "=", params.projectId)
    .where("queue_item_id", "=", params.queueItemId)
    .where("annotator_id", "=", params.userId)
    .$narrowType<WithAssignmentState>()
    .executeTakeFirst();
}
