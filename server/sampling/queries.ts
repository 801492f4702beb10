import { sql } from "kysely";
import type { StoredSamplingOutput } from "./rule";
import type { Executor } from "@/db/executor";

/** The stored sampling rules of the project's queues that still take items (not archived). */
export async function listOpenQueueRules(db: Executor, projectId: string, queueId?: string) {
  let query = db
    .selectFrom("queues")
    .select(["id", "sampling_rule as samplingRule", "holdout_fraction as holdoutFraction"])
    .where("project_id", "=", projectId)
    .where("archived_at", "is", null);
  if (queueId !== undefined) query = query.where("id", "=", queueId);
  return query.execute();
}

function selectSamplingOutputs(db: Executor, projectId: string) {
  return db
    .selectFrom("outputs")
    .select([
      "outputs.id",
      "outputs.external_id as externalId",
      "outputs.model",
      "outputs.tags",
      "outputs.metadata",
      "outputs.consent",
      "outputs.content_hash as contentHash",
      sql<string[]>`array(select distinct signals.kind from signals where signals.project_id = outputs.project_id and signals.output_id = outputs.id)`.as(
        "signalKinds",
      ),
    ])
    .where("outputs.project_id", "=", projectId);
}

function toSamplingOutput(row: Awaited<ReturnType<ReturnType<typeof selectSamplingOutputs>["execute"]>>[number]): StoredSamplingOutput {
  return { ...row, metadata: (row.metadata ?? {}) as Record<string, unknown> };
}

/** One page of the project's outputs in id order, for scanning them all (keyset pagination). */
export async function listSamplingOutputsPage(db: Executor, projectId: string, page: { afterId: number; limit: number }) {
  const rows = await selectSamplingOutputs(db, projectId).where("outputs.id", ">", page.afterId).orderBy("outputs.id").limit(page.limit).execute();
  return rows.map(toSamplingOutput);
}

export async function findSamplingOutputs(db: Executor, projectId: string, outputIds: readonly number[]) {
  if (outputIds.length === 0) return [];
  const rows = await selectSamplingOutputs(db, projectId).where("outputs.id", "in", outputIds).execute();
  return rows.map(toSamplingOutput);
}

export type NewQueueItem = { queueId: string; outputId: number; contentHash: string; inclusionProbability: number; isHoldout: boolean };

/**
 * Adds items in one statement. An output already in the queue, or content the queue already holds, is
 * skipped rather than failing, so replays are harmless. Returns the items actually added.
 */
export async function insertQueueItems(db: Executor, projectId: string, items: readonly NewQueueItem[]) {
  if (items.length === 0) return [];
  // One array parameter per column instead of one parameter per value: Postgres plans a short statement.
  return db
    .insertInto("queue_items")
    .columns(["project_id", "queue_id", "output_id", "content_hash", "inclusion_probability", "is_holdout"])
    .expression(
      sql`select ${projectId}::uuid, item.queue_id, item.output_id, item.content_hash, item.inclusion_probability, item.is_holdout
        from unnest(${items.map((item) => item.queueId)}::uuid[], ${items.map((item) => item.outputId)}::bigint[],
          ${items.map((item) => item.contentHash)}::text[], ${items.map((item) => item.inclusionProbability)}::float8[],
          ${items.map((item) => item.isHoldout)}::boolean[])
          as item(queue_id, output_id, content_hash, inclusion_probability, is_holdout)`,
    )
    .onConflict((conflict) => conflict.doNothing())
    .returning(["queue_id as queueId", "output_id as outputId"])
    .execute();
}

/**
 * Raises the stored π of items already in their queue to what their output's signals make it now: an
 * output the holdout took before its signal arrived could, from then on, also have come in by the main
 * draw. π only grows with signals, so a smaller value is never written.
 */
export async function raiseInclusionProbabilities(db: Executor, projectId: string, items: readonly { queueId: string; outputId: number; inclusionProbability: number }[]) {
  if (items.length === 0) return;
  await sql`
    update queue_items qi
    set inclusion_probability = item.inclusion_probability
    from unnest(${items.map((item) => item.queueId)}::uuid[], ${items.map((item) => item.outputId)}::bigint[], ${items.map((item) => item.inclusionProbability)}::float8[])
      as item(queue_id, output_id, inclusion_probability)
    where qi.project_id = ${projectId} and qi.queue_id = item.queue_id and qi.output_id = item.output_id
      and qi.inclusion_probability < item.inclusion_probability
  `.execute(db);
}
