import type { LabelValues } from "@/server/labels/answer-values";
import { sql, type Transaction } from "kysely";
import type { DB, Json } from "@/db/types";
import type { Executor } from "@/db/executor";
import { outputColumns } from "@/server/items/output";
import type { WithItemState } from "@/server/items/states";
import type { ConsensusMethod } from "@/server/queues/schema";
import { holdGoldWriterSlot } from "./gold-order";

/** An item with its queue and output, as the adjudication and shared pages show it. */
export async function findItemView(db: Executor, projectId: string, queueItemId: number) {
  return db
    .selectFrom("queue_items")
    .innerJoin("queues", "queues.id", "queue_items.queue_id")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select([
      "queue_items.id",
      "queue_items.state",
      "queue_items.conflict_reasons as conflictReasons",
      "queue_items.output_id as outputId",
      "queue_items.extra_seats as extraSeats",
      "queues.id as queueId",
      "queues.name as queueName",
      "queues.instructions",
      "queues.label_schema as labelSchema",
      "queues.overlap",
      "queues.mode",
      "queues.max_overlap as maxOverlap",
      "queues.consensus_method as consensusMethod",
      "queues.majority_threshold as majorityThreshold",
      "queues.min_posterior as minPosterior",
      ...outputColumns,
    ])
    .where("queue_items.project_id", "=", projectId)
    .where("queues.project_id", "=", projectId)
    .where("outputs.project_id", "=", projectId)
    .where("queue_items.id", "=", queueItemId)
    .$narrowType<WithItemState & { consensusMethod: ConsensusMethod }>()
    .executeTakeFirst();
}

/**
 * The submitted answers on an item that count toward gold, in submission order, with their authors' names.
 * Answers to decoys and gold checks measure the annotator and never vote, so resolution, conflict views and
 * lineage skip them.
 */
export async function listSubmittedAnnotations(db: Executor, projectId: string, queueItemId: number) {
  return db
    .selectFrom("annotations")
    .innerJoin("assignments", "assignments.id", "annotations.assignment_id")
    .innerJoin("users", "users.id", "annotations.annotator_id")
    .select([
      "annotations.id",
      "annotations.annotator_id as annotatorId",
      "users.name as annotatorName",
      "annotations.values",
      "annotations.note",
      "annotations.correction",
      "annotations.created_at as submittedAt",
    ])
    .where("annotations.project_id", "=", projectId)
    .where("assignments.project_id", "=", projectId)
    .where("annotations.queue_item_id", "=", queueItemId)
    .where("assignments.state", "=", "submitted")
    .where("annotations.counts_toward_gold", "=", true)
    .where("annotations.gold_check_correct", "is", null)
    .orderBy("annotations.id")
    .execute();
}

export async function insertGoldLabel(
  trx: Transaction<DB>,
  values: {
    projectId: string;
    queueId: string;
    queueItemId: number;
    outputId: number;
    values: LabelValues;
    correction: string | null;
    method: string;
    confidence: number;
    provenance: Record<string, Json>;
    resolvedBy: string | null;
    /** The gold this one replaces, and the lead's reason, when it is a revision. */
    supersedes?: number | null;
    revisionReason?: string | null;
  },
): Promise<number> {
  await holdGoldWriterSlot(trx, values.projectId);
  const row = await trx
    .insertInto("gold_labels")
    .values({
      project_id: values.projectId,
      queue_id: values.queueId,
      queue_item_id: values.queueItemId,
      output_id: values.outputId,
      values: JSON.stringify(values.values),
      correction: values.correction,
      method: values.method,
      confidence: values.confidence,
      provenance: JSON.stringify(values.provenance),
      resolved_by: values.resolvedBy,
      supersedes: values.supersedes ?? null,
      revision_reason: values.revisionReason ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markItemResolved(trx: Transaction<DB>, projectId: string, queueItemId: number): Promise<void> {
  await trx
    .updateTable("queue_items")
    .set({ state: "resolved", resolved_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("id", "=", queueItemId)
    .execute();
}

export async function markItemConflict(trx: Transaction<DB>, projectId: string, queueItemId: number, reasons: string[]): Promise<void> {
  await trx.updateTable("queue_items").set({ state: "conflict", conflict_reasons: reasons }).where("project_id", "=", projectId).where("id", "=", queueItemId).execute();
}

/** An item's gold labels (every one it has had) with who resolved each, if anyone did, and the lead's note. */
export function selectItemGold(db: Executor, projectId: string, queueItemId: number) {
  return db
    .selectFrom("gold_labels")
    .leftJoin("users", "users.id", "gold_labels.resolved_by")
    .select([
      "gold_labels.id",
      "gold_labels.values",
      "gold_labels.correction",
      "gold_labels.method",
      "gold_labels.confidence",
      "users.name as resolvedByName",
      sql<string | null>`gold_labels.provenance->>'note'`.as("note"),
    ])
    .where("gold_labels.project_id", "=", projectId)
    .where("gold_labels.queue_item_id", "=", queueItemId);
}

/** An item's current gold label, who resolved it if anyone did, and the lead's note from adjudication. */
export async function findCurrentGold(db: Executor, projectId: string, queueItemId: number) {
  return selectItemGold(db, projectId, queueItemId).where("gold_labels.is_current", "=", true).executeTakeFirst();
}

/** Items waiting for a lead, oldest first, optionally in one queue. */
export async function listConflictItems(db: Executor, projectId: string, queueId?: string) {
  let query = db
    .selectFrom("queue_items")
    .innerJoin("queues", "queues.id", "queue_items.queue_id")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select((eb) => [
      "queue_items.id as queueItemId",
      "queues.id as queueId",
      "queues.name as queueName",
      "outputs.external_id as externalId",
      "queue_items.conflict_reasons as reasons",
      "queue_items.submitted_count as submittedCount",
      // The seats the item had: k, plus those adaptive overlap added after disagreements.
      sql<number>`queues.overlap + queue_items.extra_seats`.as("seats"),
      eb
        .selectFrom("gold_reopenings")
        .select("gold_reopenings.reason")
        .where("gold_reopenings.project_id", "=", projectId)
        .whereRef("gold_reopenings.queue_item_id", "=", "queue_items.id")
        .where("gold_reopenings.closed_at", "is", null)
        .as("revisionReason"),
      // The item went to conflict with its last submission, or when a lead reopened its gold.
      eb
        .selectFrom("assignments")
        .select(
          sql<Date>`coalesce(
            (select gold_reopenings.created_at from gold_reopenings
             where gold_reopenings.project_id = ${projectId} and gold_reopenings.queue_item_id = queue_items.id and gold_reopenings.closed_at is null),
            max(assignments.submitted_at),
            queue_items.created_at
          )`.as("at"),
        )
        .where("assignments.project_id", "=", projectId)
        .whereRef("assignments.queue_item_id", "=", "queue_items.id")
        .$asScalar()
        .$notNull()
        .as("updatedAt"),
    ])
    .where("queue_items.project_id", "=", projectId)
    .where("queues.project_id", "=", projectId)
    .where("outputs.project_id", "=", projectId)
    .where("queue_items.state", "=", "conflict")
    .orderBy("updatedAt")
    .orderBy("queue_items.id")
    .limit(500);
  if (queueId) query = query.where("queue_items.queue_id", "=", queueId);
  return query.execute();
}

/**
 * Asks for one more annotator after a disagreement (adaptive overlap): the item gets an extra seat and is
 * claimable again, in review while someone still holds a seat, else pending. Returns its new state.
 */
export async function grantExtraSeat(trx: Transaction<DB>, projectId: string, queueItemId: number) {
  const { rows } = await sql<WithItemState>`
    update queue_items
    set extra_seats = extra_seats + 1,
      state = case when assigned_count > submitted_count then 'in_review' else 'pending' end
    where project_id = ${projectId} and id = ${queueItemId}
    returning state
  `.execute(trx);
  return rows[0]!.state;
}
