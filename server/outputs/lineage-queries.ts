import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { WithItemState } from "@/server/items/states";

export type QueueItemProvenance = "rule" | "backfill" | "manual";

/** One output of the project by its external id or its row id, with everything stored on it. */
export async function selectOutput(db: Executor, projectId: string, key: { externalId: string } | { id: number }) {
  const query = db
    .selectFrom("outputs")
    .select([
      "id",
      "external_id as externalId",
      "trace_id as traceId",
      "session_id as sessionId",
      "end_user_id as endUserId",
      "model",
      "tags",
      "metadata",
      "consent",
      "input",
      "output",
      "candidates",
      "suggestion",
      "redaction_counts as redactionCounts",
      "produced_at as producedAt",
      "created_at as createdAt",
    ])
    .where("project_id", "=", projectId);
  return ("id" in key ? query.where("id", "=", key.id) : query.where("external_id", "=", key.externalId)).executeTakeFirst();
}

export async function selectOutputSignals(db: Executor, projectId: string, outputId: number) {
  return db
    .selectFrom("signals")
    .select(["kind", "value", "comment", "end_user_id as endUserId", "occurred_at as occurredAt"])
    .where("project_id", "=", projectId)
    .where("output_id", "=", outputId)
    .orderBy("occurred_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/**
 * The output's items in every queue of the project (archived ones too: lineage), with how many answers
 * each has. The queue filter lets the (queue_id, output_id) key answer per queue.
 */
export async function selectOutputQueueItems(db: Executor, projectId: string, outputId: number) {
  return db
    .selectFrom("queue_items")
    .innerJoin("queues", "queues.id", "queue_items.queue_id")
    .select([
      "queue_items.id",
      "queue_items.queue_id as queueId",
      "queues.name as queueName",
      "queue_items.state",
      "queue_items.provenance",
      "queue_items.inclusion_probability as inclusionProbability",
      "queue_items.is_holdout as isHoldout",
      "queue_items.created_at as createdAt",
      "queue_items.resolved_at as resolvedAt",
      sql<number>`(select count(*)::int from annotations where annotations.project_id = queue_items.project_id and annotations.queue_item_id = queue_items.id)`.as("annotationCount"),
    ])
    .where("queue_items.project_id", "=", projectId)
    .where("queues.project_id", "=", projectId)
    .where("queue_items.queue_id", "in", (sub) => sub.selectFrom("queues as project_queues").select("project_queues.id").where("project_queues.project_id", "=", projectId))
    .where("queue_items.output_id", "=", outputId)
    .orderBy("queue_items.created_at")
    .$narrowType<WithItemState & { provenance: QueueItemProvenance }>()
    .execute();
}

/** The output's current gold labels, one per queue that resolved it. */
export async function selectOutputGold(db: Executor, projectId: string, queueItemIds: readonly number[]) {
  if (queueItemIds.length === 0) return [];
  return db
    .selectFrom("gold_labels")
    .innerJoin("queues", "queues.id", "gold_labels.queue_id")
    .select([
      "gold_labels.id",
      "gold_labels.queue_id as queueId",
      "queues.name as queueName",
      "gold_labels.values",
      "gold_labels.correction",
      "gold_labels.method",
      "gold_labels.confidence",
      "gold_labels.created_at as createdAt",
    ])
    .where("gold_labels.project_id", "=", projectId)
    .where("queues.project_id", "=", projectId)
    .where("gold_labels.queue_item_id", "in", queueItemIds)
    .where("gold_labels.is_current", "=", true)
    .orderBy("gold_labels.id")
    .execute();
}

/** The published dataset releases that froze a row of the output, newest first; (release_id, output_id) finds them per release. */
export async function selectOutputReleases(db: Executor, projectId: string, outputId: number) {
  return db
    .selectFrom("release_rows")
    .innerJoin("dataset_releases", "dataset_releases.id", "release_rows.release_id")
    .innerJoin("datasets", "datasets.id", "dataset_releases.dataset_id")
    .select([
      "datasets.id as datasetId",
      "datasets.name as datasetName",
      "datasets.slug as datasetSlug",
      "dataset_releases.number as releaseNumber",
      "dataset_releases.published_at as publishedAt",
      "release_rows.split",
      "release_rows.queue_name as queueName",
    ])
    .where("release_rows.project_id", "=", projectId)
    .where("dataset_releases.project_id", "=", projectId)
    .where("dataset_releases.status", "=", "published")
    .where("datasets.project_id", "=", projectId)
    .where("release_rows.release_id", "in", (sub) => sub.selectFrom("dataset_releases as project_releases").select("project_releases.id").where("project_releases.project_id", "=", projectId))
    .where("release_rows.output_id", "=", outputId)
    .orderBy("dataset_releases.published_at", "desc")
    .orderBy("datasets.name")
    .execute();
}

/** The turns of a session (thread), oldest first, with a short preview of each; bounded, as a thread view needs no more. */
export async function selectSessionTurns(db: Executor, projectId: string, sessionId: string, limit: number) {
  return db
    .selectFrom("outputs")
    .select([
      "id",
      "external_id as externalId",
      "produced_at as producedAt",
      sql<string | null>`left(case jsonb_typeof(input) when 'string' then input #>> '{}' else input -> -1 ->> 'content' end, 160)`.as("inputPreview"),
    ])
    .where("project_id", "=", projectId)
    .where("session_id", "=", sessionId)
    .orderBy("produced_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}
