import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import { selectItemGold } from "./queries";
import type { Executor } from "@/db/executor";

/** An item's open reopening, if a lead asked to revise its gold and has not finalized or cancelled yet. */
export async function findOpenReopening(db: Executor, projectId: string, queueItemId: number) {
  return db
    .selectFrom("gold_reopenings")
    .leftJoin("users", "users.id", "gold_reopenings.requested_by")
    .select([
      "gold_reopenings.id",
      "gold_reopenings.gold_label_id as goldLabelId",
      "gold_reopenings.reason",
      "gold_reopenings.created_at as requestedAt",
      "users.name as requestedByName",
    ])
    .where("gold_reopenings.project_id", "=", projectId)
    .where("gold_reopenings.queue_item_id", "=", queueItemId)
    .where("gold_reopenings.closed_at", "is", null)
    .executeTakeFirst();
}

export async function insertReopening(trx: Transaction<DB>, values: { projectId: string; queueItemId: number; goldLabelId: number; reason: string; requestedBy: string }) {
  return trx
    .insertInto("gold_reopenings")
    .values({ project_id: values.projectId, queue_item_id: values.queueItemId, gold_label_id: values.goldLabelId, reason: values.reason, requested_by: values.requestedBy })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function closeReopening(trx: Transaction<DB>, projectId: string, reopeningId: number, outcome: "revised" | "cancelled") {
  await trx.updateTable("gold_reopenings").set({ closed_at: sql`now()`, outcome }).where("project_id", "=", projectId).where("id", "=", reopeningId).execute();
}

/** Retires a gold label; its replacement is inserted next, in the same transaction (one current gold per item). */
export async function retireGold(trx: Transaction<DB>, projectId: string, goldLabelId: number) {
  await trx.updateTable("gold_labels").set({ is_current: false }).where("project_id", "=", projectId).where("id", "=", goldLabelId).execute();
}

/** The state an item returns to, by reopening (the lead's list) or by cancelling it (resolved again). */
export async function setItemState(trx: Transaction<DB>, projectId: string, queueItemId: number, state: "conflict" | "resolved") {
  await trx.updateTable("queue_items").set({ state }).where("project_id", "=", projectId).where("id", "=", queueItemId).execute();
}

/** Every gold an item has had, newest first, with who decided it and why it replaced the one before. */
export async function listGoldHistory(db: Executor, projectId: string, queueItemId: number) {
  return selectItemGold(db, projectId, queueItemId)
    .select([
      "gold_labels.is_current as isCurrent",
      "gold_labels.supersedes",
      "gold_labels.revision_reason as revisionReason",
      "gold_labels.created_at as createdAt",
      // The Dawid–Skene fit a `dawid_skene` gold was decided with (null before the queue's first fit, and for other methods).
      sql<number | null>`(gold_labels.provenance->>'fitId')::bigint`.as("fitId"),
    ])
    .orderBy("gold_labels.id", "desc")
    .execute();
}
