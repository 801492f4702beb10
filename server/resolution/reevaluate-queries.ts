import type { LabelValues } from "@/server/labels/answer-values";
import { sql, type Transaction } from "kysely";
import type { DB, Json } from "@/db/types";
import type { Executor } from "@/db/executor";
import type { ConsensusMethod } from "@/server/queues/schema";
import { holdGoldWriterSlot } from "./gold-order";
import type { GoldMethod } from "./schema";

/** A queue's label schema and consensus settings, for deciding its open items. */
export async function findQueuePolicy(db: Executor, projectId: string, queueId: string) {
  return db
    .selectFrom("queues")
    .select([
      "id",
      "label_schema as labelSchema",
      "consensus_method as consensusMethod",
      "majority_threshold as majorityThreshold",
      "min_posterior as minPosterior",
    ])
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .$narrowType<{ consensusMethod: ConsensusMethod }>()
    .executeTakeFirst();
}

/**
 * Locks the next batch of a queue's items that wait for a decision without gold: closed to new labels
 * (`needs_resolution`), or in conflict with no current gold (a reopened gold stays with its lead). The
 * state is re-checked on the locked rows, so an item resolved meanwhile is left out.
 */
export async function lockOpenItemBatch(trx: Transaction<DB>, params: { projectId: string; queueId: string; afterId: number; limit: number }) {
  return trx
    .selectFrom("queue_items as qi")
    .select(["qi.id", "qi.output_id as outputId", "qi.state"])
    .where("qi.project_id", "=", params.projectId)
    .where("qi.queue_id", "=", params.queueId)
    .where("qi.id", ">", params.afterId)
    .where("qi.state", "in", ["needs_resolution", "conflict"])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("gold_labels as g")
            .select("g.id")
            .where("g.project_id", "=", params.projectId)
            .whereRef("g.queue_item_id", "=", "qi.id")
            .where("g.is_current", "=", true),
        ),
      ),
    )
    .orderBy("qi.id")
    .limit(params.limit)
    .forUpdate()
    .$narrowType<{ state: "needs_resolution" | "conflict" }>()
    .execute();
}

/** The counted answers (no decoys, no gold checks) of many items in one query, in submission order. */
export async function listCountedAnswersOfItems(db: Executor, projectId: string, queueItemIds: readonly number[]) {
  if (queueItemIds.length === 0) return [];
  return db
    .selectFrom("annotations")
    .innerJoin("assignments", "assignments.id", "annotations.assignment_id")
    .select([
      "annotations.id",
      "annotations.queue_item_id as queueItemId",
      "annotations.annotator_id as annotatorId",
      "annotations.values",
      "annotations.correction",
    ])
    .where("annotations.project_id", "=", projectId)
    .where("assignments.project_id", "=", projectId)
    .where("annotations.queue_item_id", "in", queueItemIds)
    .where("assignments.state", "=", "submitted")
    .where("annotations.counts_toward_gold", "=", true)
    .where("annotations.gold_check_correct", "is", null)
    .orderBy("annotations.id")
    .execute();
}

export type ConsensusGoldRow = {
  queueItemId: number;
  outputId: number;
  values: LabelValues;
  correction: string | null;
  method: GoldMethod;
  confidence: number;
  provenance: Record<string, Json>;
};

/** Inserts consensus gold for many items of a queue in one statement; returns each item's gold id. */
export async function insertConsensusGolds(trx: Transaction<DB>, params: { projectId: string; queueId: string; golds: readonly ConsensusGoldRow[] }) {
  if (params.golds.length === 0) return [];
  await holdGoldWriterSlot(trx, params.projectId);
  return trx
    .insertInto("gold_labels")
    .values(
      params.golds.map((gold) => ({
        project_id: params.projectId,
        queue_id: params.queueId,
        queue_item_id: gold.queueItemId,
        output_id: gold.outputId,
        values: JSON.stringify(gold.values),
        correction: gold.correction,
        method: gold.method,
        confidence: gold.confidence,
        provenance: JSON.stringify(gold.provenance),
        resolved_by: null,
      })),
    )
    .returning(["id", "queue_item_id as queueItemId"])
    .execute();
}

export async function markItemsResolved(trx: Transaction<DB>, projectId: string, queueItemIds: readonly number[]): Promise<void> {
  if (queueItemIds.length === 0) return;
  await trx
    .updateTable("queue_items")
    .set({ state: "resolved", resolved_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("id", "in", queueItemIds)
    .execute();
}

/** Sends many items to conflict in one statement, each with its own reasons. */
export async function markItemsConflict(trx: Transaction<DB>, projectId: string, conflicts: ReadonlyArray<{ id: number; reasons: string[] }>): Promise<void> {
  if (conflicts.length === 0) return;
  await sql`
    update queue_items qi
    set state = 'conflict', conflict_reasons = batch.reasons
    from jsonb_to_recordset(${JSON.stringify(conflicts)}::jsonb) as batch(id bigint, reasons text[])
    where qi.project_id = ${projectId} and qi.id = batch.id
  `.execute(trx);
}
