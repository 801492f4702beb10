import type { Executor } from "@/db/executor";
import type { LabelValues } from "@/server/labels/answer-values";

/** Every approval recorded on a collaborative item (one annotation per annotator), oldest first, with who gave it. */
export async function listItemApprovals(db: Executor, projectId: string, queueItemId: number) {
  const rows = await db
    .selectFrom("annotations as an")
    .innerJoin("users as u", "u.id", "an.annotator_id")
    .select(["an.id", "an.annotator_id as annotatorId", "u.name", "an.values", "an.correction", "an.created_at as createdAt", "an.revised_at as revisedAt"])
    .where("an.project_id", "=", projectId)
    .where("an.queue_item_id", "=", queueItemId)
    .orderBy("an.id")
    .execute();
  // Stored by the approval from values checked against the queue's fields.
  return rows.map((row) => ({ ...row, values: row.values as LabelValues, approvedAt: row.revisedAt ?? row.createdAt }));
}
