import { sql, type Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";

/** Gold labels of the project after `afterId`, oldest first, with their outputs and queue names. */
export async function selectGoldAfter(db: Executor, params: { projectId: string; afterId: string; queueId?: string; limit: number }) {
  let query = db
    .selectFrom("gold_labels")
    .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
    .innerJoin("queues", "queues.id", "gold_labels.queue_id")
    .select([
      "gold_labels.id",
      "gold_labels.queue_id as queueId",
      "queues.name as queueName",
      "outputs.external_id as externalId",
      "outputs.trace_id as traceId",
      "outputs.input",
      "outputs.output",
      "outputs.candidates",
      "gold_labels.values",
      "gold_labels.correction",
      "gold_labels.method",
      "gold_labels.confidence",
      "gold_labels.supersedes",
      "gold_labels.revision_reason as revisionReason",
      "gold_labels.created_at as createdAt",
      sql<boolean>`coalesce((gold_labels.provenance->>'correctionDisputed')::boolean, false)`.as("isCorrectionDisputed"),
    ])
    .where("gold_labels.project_id", "=", params.projectId)
    .where("outputs.project_id", "=", params.projectId)
    .where("queues.project_id", "=", params.projectId)
    .where("gold_labels.id", ">", sql<number>`${params.afterId}::bigint`);
  if (params.queueId) query = query.where("gold_labels.queue_id", "=", params.queueId);
  return query.orderBy("gold_labels.id").limit(params.limit).execute();
}

export async function projectHasQueue(db: Kysely<DB>, projectId: string, queueId: string): Promise<boolean> {
  const row = await db.selectFrom("queues").select("id").where("project_id", "=", projectId).where("id", "=", queueId).executeTakeFirst();
  return row !== undefined;
}
