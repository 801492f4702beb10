import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/** An open queue of the project, share-locked until the transaction ends so it cannot be archived under a manual add. */
export async function lockOpenQueueForAdd(db: Executor, projectId: string, queueId: string) {
  return db
    .selectFrom("queues")
    .select(["id", "name"])
    .select(sql<boolean>`jsonb_path_exists(label_schema, '$.fields[*] ? (@.type == "pairwise")')`.as("comparesCandidates"))
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .where("archived_at", "is", null)
    .forShare()
    .executeTakeFirst();
}

/** The selected outputs of the project with what decides whether they may be queued. */
export async function selectQueueCandidates(db: Executor, projectId: string, queueId: string, outputIds: readonly number[]) {
  return db
    .selectFrom("outputs")
    .select([
      "outputs.id",
      "outputs.consent",
      "outputs.content_hash as contentHash",
      sql<boolean>`outputs.candidates is not null`.as("hasCandidates"),
      sql<boolean>`exists (select 1 from queue_removed_outputs r where r.queue_id = ${queueId}::uuid and r.output_id = outputs.id and r.project_id = outputs.project_id)`.as("wasRemoved"),
      sql<boolean>`exists (select 1 from queue_items qi where qi.queue_id = ${queueId}::uuid and qi.output_id = outputs.id and qi.project_id = outputs.project_id)`.as("isQueued"),
    ])
    .where("outputs.project_id", "=", projectId)
    .where("outputs.id", "in", outputIds)
    .execute();
}

/**
 * Adds the outputs as manual items in one statement. Content the queue already holds is skipped by the
 * unique (queue_id, content_hash) index; an output removed from the queue meanwhile is skipped by the
 * statement itself. π is 1: the item was taken with certainty, by hand, and is no probability sample;
 * estimators select items by provenance and leave manual ones out. Returns the outputs actually added.
 */
export async function insertManualQueueItems(db: Executor, params: { projectId: string; queueId: string; outputs: readonly { id: number; contentHash: string }[] }) {
  if (params.outputs.length === 0) return [];
  return db
    .insertInto("queue_items")
    .columns(["project_id", "queue_id", "output_id", "content_hash", "inclusion_probability", "provenance"])
    .expression(
      sql`select ${params.projectId}::uuid, ${params.queueId}::uuid, item.output_id, item.content_hash, 1, 'manual'
        from unnest(${params.outputs.map((output) => output.id)}::bigint[], ${params.outputs.map((output) => output.contentHash)}::text[]) as item(output_id, content_hash)
        where not exists (select 1 from queue_removed_outputs r where r.queue_id = ${params.queueId}::uuid and r.output_id = item.output_id)`,
    )
    .onConflict((conflict) => conflict.doNothing())
    .returning("output_id as outputId")
    .execute();
}
