import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { CreateQueueInput, LoopSettings, QualitySettings, QueueItemState } from "./schema";
import type { Executor } from "@/db/executor";

/** The quality settings as queue columns, for insert and update alike. */
function qualityColumnValues(settings: QualitySettings) {
  return {
    consensus_method: settings.consensusMethod,
    majority_threshold: settings.majorityThreshold,
    min_posterior: settings.minPosterior,
    max_overlap: settings.maxOverlap,
    gold_item_rate: settings.goldItemRate,
    gate_min_accuracy: settings.gateMinAccuracy,
    gate_min_gold_items: settings.gateMinGoldItems,
    daily_cap: settings.dailyCap,
  };
}

export async function insertQueue(db: Executor, values: { projectId: string; createdBy: string; queue: CreateQueueInput; id?: string }) {
  const { queue } = values;
  return db
    .insertInto("queues")
    .values({
      ...(values.id === undefined ? {} : { id: values.id }),
      project_id: values.projectId,
      name: queue.name,
      instructions: queue.instructions,
      label_schema: JSON.stringify(queue.labelSchema),
      overlap: queue.overlap,
      lease_seconds: queue.leaseSeconds,
      mode: queue.mode,
      sampling_rule: JSON.stringify(queue.samplingRule),
      ...qualityColumnValues(queue),
      holdout_fraction: queue.holdoutFraction,
      suggestion_display: queue.suggestionDisplay,
      decoy_rate: queue.decoyRate,
      approval_values: JSON.stringify(queue.approvalValues),
      created_by: values.createdBy,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
}

const queueColumns = [
  "id",
  "name",
  "instructions",
  "label_schema as labelSchema",
  "schema_version as schemaVersion",
  "overlap",
  "lease_seconds as leaseSeconds",
  "mode",
  "sampling_rule as samplingRule",
  "majority_threshold as majorityThreshold",
  "consensus_method as consensusMethod",
  "min_posterior as minPosterior",
  "max_overlap as maxOverlap",
  "gold_item_rate as goldItemRate",
  "gate_min_accuracy as gateMinAccuracy",
  "gate_min_gold_items as gateMinGoldItems",
  "daily_cap as dailyCap",
  "holdout_fraction as holdoutFraction",
  "suggestion_display as suggestionDisplay",
  "decoy_rate as decoyRate",
  "approval_values as approvalValues",
  "created_at as createdAt",
] as const;

/** The project's open queues, newest first. */
export async function listOpenQueues(db: Executor, projectId: string) {
  return db
    .selectFrom("queues")
    .select(queueColumns)
    .where("project_id", "=", projectId)
    .where("archived_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

export async function findOpenQueue(db: Executor, projectId: string, queueId: string) {
  return db
    .selectFrom("queues")
    .select(queueColumns)
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

/** An open queue's label schema, locked until the end of the transaction so its settings change one writer at a time. */
export async function lockOpenQueue(trx: Transaction<DB>, projectId: string, queueId: string) {
  return trx
    .selectFrom("queues")
    .select(["id", "label_schema as labelSchema", "overlap", "mode", "decoy_rate as decoyRate", "gold_item_rate as goldItemRate", "max_overlap as maxOverlap"])
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .where("archived_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateQueueLoopSettings(trx: Transaction<DB>, projectId: string, queueId: string, settings: LoopSettings): Promise<void> {
  await trx
    .updateTable("queues")
    .set({
      holdout_fraction: settings.holdoutFraction,
      suggestion_display: settings.suggestionDisplay,
      decoy_rate: settings.decoyRate,
      approval_values: JSON.stringify(settings.approvalValues),
      updated_at: sql`now()`,
    })
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .execute();
}

export async function updateQueueQualitySettings(trx: Transaction<DB>, projectId: string, queueId: string, settings: QualitySettings): Promise<void> {
  await trx
    .updateTable("queues")
    .set({ ...qualityColumnValues(settings), updated_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .execute();
}

/** Item counts per queue and state; `queueId` narrows to one queue. */
export async function countItemsByState(db: Executor, projectId: string, queueId?: string) {
  let query = db
    .selectFrom("queue_items")
    .select(["queue_id as queueId", "state", (eb) => eb.fn.countAll<number>().as("count")])
    .where("project_id", "=", projectId)
    .groupBy(["queue_id", "state"])
    .$narrowType<{ state: QueueItemState }>();
  if (queueId !== undefined) query = query.where("queue_id", "=", queueId);
  return query.execute();
}

/** One annotator's finished (submitted or skipped) assignment counts per queue and state. */
export async function countMyAssignments(db: Executor, params: { projectId: string; userId: string; queueId?: string }) {
  let query = db
    .selectFrom("assignments")
    .select(["queue_id as queueId", "state", (eb) => eb.fn.countAll<number>().as("count")])
    .where("project_id", "=", params.projectId)
    .where("annotator_id", "=", params.userId)
    // The states assignments_finished_idx holds, so this reads the annotator's entries only.
    .where("state", "in", ["submitted", "skipped"])
    .groupBy(["queue_id", "state"]);
  if (params.queueId !== undefined) query = query.where("queue_id", "=", params.queueId);
  return query.execute();
}

/**
 * Per queue, the open items an annotator could still claim: a free seat (assigned_count below overlap plus
 * the extra seats a disagreement asked for) and no assignment of theirs, except an expired one, which the
 * claim revives.
 */
export async function countClaimableItems(db: Executor, params: { projectId: string; userId: string; queueId?: string }) {
  let query = db
    .selectFrom("queue_items")
    .innerJoin("queues", "queues.id", "queue_items.queue_id")
    .select(["queue_items.queue_id as queueId", (eb) => eb.fn.countAll<number>().as("count")])
    .where("queue_items.project_id", "=", params.projectId)
    .where("queues.project_id", "=", params.projectId)
    .where("queue_items.state", "in", ["pending", "in_review"])
    .where("queue_items.assigned_count", "<", sql<number>`queues.overlap + queue_items.extra_seats`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("assignments")
            .select(sql.lit(1).as("one"))
            .where("assignments.project_id", "=", params.projectId)
            .whereRef("assignments.queue_item_id", "=", "queue_items.id")
            .where("assignments.annotator_id", "=", params.userId)
            .where("assignments.state", "<>", "expired"),
        ),
      ),
    )
    // Gold items are served only as gold checks, which the count of work left leaves out.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("gold_items").select("gold_items.id").whereRef("gold_items.queue_item_id", "=", "queue_items.id").where("gold_items.retired_at", "is", null))),
    )
    .groupBy("queue_items.queue_id");
  if (params.queueId !== undefined) query = query.where("queue_items.queue_id", "=", params.queueId);
  return query.execute();
}

/** An open queue's label schema, version and acceptable answers, locked: one schema change at a time. */
export async function findQueueForSchemaChange(trx: Transaction<DB>, projectId: string, queueId: string) {
  return trx
    .selectFrom("queues")
    .select(["label_schema as labelSchema", "schema_version as schemaVersion", "approval_values as approvalValues"])
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .where("archived_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
}
