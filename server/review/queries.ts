import type { LabelValues } from "@/server/labels/answer-values";
import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";
import { outputColumns } from "@/server/items/output";
import type { AssignmentState, WithAssignmentState } from "@/server/items/states";
import type { QueueItemState } from "@/server/queues/schema";

export async function findReviewQueue(db: Executor, params: { projectId: string; queueId: string; userId: string }) {
  const { projectId, queueId, userId } = params;
  return db
    .selectFrom("queues")
    .select((eb) => [
      // The caller's live pause on this queue, read with it so a claim costs no extra round trip.
      eb
        .selectFrom("annotator_pauses as pause")
        .select("pause.reason")
        .whereRef("pause.queue_id", "=", "queues.id")
        .where("pause.annotator_id", "=", userId)
        .where("pause.lifted_at", "is", null)
        .as("pauseReason"),
    ])
    .select([
      "id",
      "name",
      "instructions",
      "label_schema as labelSchema",
      "schema_version as schemaVersion",
      "overlap",
      "lease_seconds as leaseSeconds",
      "mode",
      "majority_threshold as majorityThreshold",
      "suggestion_display as suggestionDisplay",
      "decoy_rate as decoyRate",
      "gold_item_rate as goldItemRate",
      "daily_cap as dailyCap",
      "archived_at as archivedAt",
    ])
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .executeTakeFirst();
}

/** The caller's oldest live assignment in a queue, leaving out the ones the client already shows. */
export async function findOwnActiveAssignmentId(
  db: Executor,
  params: { projectId: string; queueId: string; userId: string; excludeIds: number[] },
): Promise<number | undefined> {
  let query = db
    .selectFrom("assignments")
    .select("id")
    .where("project_id", "=", params.projectId)
    .where("queue_id", "=", params.queueId)
    .where("annotator_id", "=", params.userId)
    .where("state", "=", "active")
    .where("lease_expires_at", ">", sql<Date>`now()`)
    .orderBy("id")
    .limit(1);
  if (params.excludeIds.length > 0) query = query.where("id", "not in", params.excludeIds);
  return (await query.executeTakeFirst())?.id;
}

/** One of the caller's assignments with its queue and output; undefined when it is not theirs. */
export async function findOwnAssignment(db: Executor, params: { projectId: string; assignmentId: number; userId: string }) {
  return db
    .selectFrom("assignments")
    .innerJoin("queues", "queues.id", "assignments.queue_id")
    .innerJoin("queue_items", "queue_items.id", "assignments.queue_item_id")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select([
      "assignments.id",
      "assignments.queue_item_id as queueItemId",
      "assignments.state",
      "assignments.lease_expires_at as leaseExpiresAt",
      "assignments.shown_suggestion as shownSuggestion",
      "queues.id as queueId",
      "queues.name as queueName",
      "queues.instructions",
      "queues.label_schema as labelSchema",
      "queues.schema_version as schemaVersion",
      "queues.overlap",
      "queues.lease_seconds as leaseSeconds",
      "queues.mode",
      "outputs.id as outputId",
      ...outputColumns,
    ])
    .where("assignments.project_id", "=", params.projectId)
    .where("queues.project_id", "=", params.projectId)
    .where("queue_items.project_id", "=", params.projectId)
    .where("outputs.project_id", "=", params.projectId)
    .where("assignments.id", "=", params.assignmentId)
    .where("assignments.annotator_id", "=", params.userId)
    .$narrowType<WithAssignmentState>()
    .executeTakeFirst();
}

export async function findAssignmentState(db: Executor, projectId: string, assignmentId: number): Promise<AssignmentState | undefined> {
  const row = await db
    .selectFrom("assignments")
    .select("state")
    .where("project_id", "=", projectId)
    .where("id", "=", assignmentId)
    .$narrowType<WithAssignmentState>()
    .executeTakeFirst();
  return row?.state;
}

/** An assignment's state and what it showed, read under the item lock when an answer comes in. */
export async function findSubmittingAssignment(trx: Transaction<DB>, projectId: string, assignmentId: number) {
  return trx
    .selectFrom("assignments")
    .select(["state", "shown_suggestion as shownSuggestion", "is_decoy as isDecoy", "is_gold_check as isGoldCheck"])
    .where("project_id", "=", projectId)
    .where("id", "=", assignmentId)
    .$narrowType<WithAssignmentState>()
    .executeTakeFirstOrThrow();
}

/** The suggestion ingested with the output behind a queue item, if any. */
export async function findItemSuggestion(db: Executor, projectId: string, queueItemId: number) {
  const row = await db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select("outputs.suggestion")
    .where("queue_items.project_id", "=", projectId)
    .where("outputs.project_id", "=", projectId)
    .where("queue_items.id", "=", queueItemId)
    .executeTakeFirst();
  return row?.suggestion ?? null;
}

/** True when another assignment of the item already showed a decoy. */
export async function itemHasDecoy(db: Executor, projectId: string, queueItemId: number): Promise<boolean> {
  const row = await db
    .selectFrom("assignments")
    .select("id")
    .where("project_id", "=", projectId)
    .where("queue_item_id", "=", queueItemId)
    .where("is_decoy", "=", true)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores what a new assignment shows. Only once: a revived assignment keeps what it showed first (the
 * draw is deterministic on its id anyway).
 */
export async function recordShownSuggestion(db: Executor, projectId: string, assignmentId: number, shown: { suggestion: unknown; isDecoy: boolean }) {
  await db
    .updateTable("assignments")
    .set({ shown_suggestion: JSON.stringify(shown.suggestion), is_decoy: shown.isDecoy })
    .where("project_id", "=", projectId)
    .where("id", "=", assignmentId)
    .where("shown_suggestion", "is", null)
    .execute();
}

export async function findAnnotationIdByAssignment(db: Executor, projectId: string, assignmentId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("annotations")
    .select("id")
    .where("project_id", "=", projectId)
    .where("assignment_id", "=", assignmentId)
    .executeTakeFirst();
  return row?.id;
}

export async function insertAnnotation(
  trx: Transaction<DB>,
  values: {
    projectId: string;
    queueItemId: number;
    assignmentId: number;
    annotatorId: string;
    values: LabelValues;
    note: string | null;
    correction: string | null;
    schemaVersion: number;
    timeSpentMs: number | null;
    /** What the assignment showed, and whether it was a decoy: a decoy answer never counts toward gold. */
    shownSuggestion: unknown;
    wasDecoy: boolean;
    /** For a gold check, whether the answer matched the known one; null for production work. A gold check never counts toward gold. */
    goldCheckCorrect: boolean | null;
  },
): Promise<number> {
  const row = await trx
    .insertInto("annotations")
    .values({
      project_id: values.projectId,
      queue_item_id: values.queueItemId,
      assignment_id: values.assignmentId,
      annotator_id: values.annotatorId,
      values: JSON.stringify(values.values),
      note: values.note,
      correction: values.correction,
      schema_version: values.schemaVersion,
      time_spent_ms: values.timeSpentMs,
      shown_suggestion: values.shownSuggestion === null ? null : JSON.stringify(values.shownSuggestion),
      was_decoy: values.wasDecoy,
      counts_toward_gold: !values.wasDecoy && values.goldCheckCorrect === null,
      gold_check_correct: values.goldCheckCorrect,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markAssignmentSubmitted(trx: Transaction<DB>, projectId: string, assignmentId: number): Promise<void> {
  await trx
    .updateTable("assignments")
    .set({ state: "submitted", submitted_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("id", "=", assignmentId)
    .execute();
}

export async function markAssignmentSkipped(trx: Transaction<DB>, projectId: string, assignmentId: number, reason: string): Promise<void> {
  await trx.updateTable("assignments").set({ state: "skipped", skip_reason: reason }).where("project_id", "=", projectId).where("id", "=", assignmentId).execute();
}

/** Items the caller submitted on that have since resolved or gone to conflict, newest submission first. */
export async function listMySettledItems(db: Executor, projectId: string, userId: string) {
  return db
    .selectFrom("assignments")
    .innerJoin("queue_items", "queue_items.id", "assignments.queue_item_id")
    .innerJoin("queues", "queues.id", "assignments.queue_id")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select([
      "queue_items.id as queueItemId",
      "queues.name as queueName",
      "outputs.external_id as externalId",
      "queue_items.state as itemState",
      "assignments.submitted_at as submittedAt",
    ])
    .where("assignments.project_id", "=", projectId)
    .where("queue_items.project_id", "=", projectId)
    .where("queues.project_id", "=", projectId)
    .where("outputs.project_id", "=", projectId)
    .where("assignments.annotator_id", "=", userId)
    .where("assignments.state", "=", "submitted")
    // Gold checks are already resolved when answered; listing them would point them out.
    .where("assignments.is_gold_check", "=", false)
    .where("queue_items.state", "in", ["conflict", "resolved"])
    .orderBy("assignments.submitted_at", "desc")
    .limit(100)
    .$narrowType<{ submittedAt: Date; itemState: QueueItemState }>()
    .execute();
}
