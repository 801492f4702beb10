import type { Transaction } from "kysely";
import type { DB } from "@/db/types";

/** The item, locked, with whether it has current gold; undefined when the project has no such item. */
export async function lockQueueItemForRemoval(trx: Transaction<DB>, projectId: string, queueItemId: number) {
  return trx
    .selectFrom("queue_items as qi")
    .select([
      "qi.id",
      "qi.queue_id as queueId",
      "qi.output_id as outputId",
      "qi.state",
      "qi.provenance",
      (eb) => eb.exists(eb.selectFrom("gold_labels as g").select("g.id").where("g.project_id", "=", projectId).where("g.queue_item_id", "=", queueItemId).where("g.is_current", "=", true)).as("hasGold"),
    ])
    .where("qi.project_id", "=", projectId)
    .where("qi.id", "=", queueItemId)
    .forUpdate("qi")
    .executeTakeFirst();
}

/** Remembers that the output left the queue, so no rule, backfill or hand adds it again. */
export async function insertRemovedOutput(trx: Transaction<DB>, entry: { projectId: string; queueId: string; outputId: number; removedBy: string; reason: string }) {
  await trx
    .insertInto("queue_removed_outputs")
    .values({ project_id: entry.projectId, queue_id: entry.queueId, output_id: entry.outputId, removed_by: entry.removedBy, reason: entry.reason })
    .onConflict((conflict) => conflict.columns(["queue_id", "output_id"]).doNothing())
    .execute();
}

/** Deletes the item; its assignments, answers and documents go with it (foreign keys cascade). */
export async function deleteQueueItem(trx: Transaction<DB>, projectId: string, queueItemId: number) {
  await trx.deleteFrom("queue_items").where("project_id", "=", projectId).where("id", "=", queueItemId).execute();
}
