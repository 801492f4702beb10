import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { EmResult } from "@/server/quality/dawid-skene-em";

export type FlagOutcome = { flagged: number; superseded: number };

/**
 * Flags the queue field's current gold (adjudicated gold excepted: a lead decided it) whose value the fit
 * would change, with the fit's value and its posterior; gold itself is never rewritten. A lead's dismissal
 * stands: the same suggestion for the same gold is not raised again. An open flag whose gold the fit
 * agrees with again, or whose gold is no longer current, is closed as superseded.
 */
export async function flagChangedGold(
  trx: Executor,
  q: { projectId: string; queueId: string; fieldKey: string; classes: string[]; fitId: number; queueItemIds: number[] },
  result: EmResult,
): Promise<FlagOutcome> {
  const itemCodes = new Map(q.queueItemIds.map((id, code) => [id, code]));
  const golds = await trx
    .selectFrom("gold_labels")
    .select(["id", "queue_item_id as queueItemId", sql<string | null>`values->>${q.fieldKey}`.as("value")])
    .where("project_id", "=", q.projectId)
    .where("queue_id", "=", q.queueId)
    .where("is_current", "=", true)
    .where("method", "<>", "adjudicated")
    .execute();
  const dismissed = await trx
    .selectFrom("gold_refit_flags")
    .select(["gold_label_id as goldLabelId", "suggested_value as suggested"])
    .where("project_id", "=", q.projectId)
    .where("queue_id", "=", q.queueId)
    .where("field_key", "=", q.fieldKey)
    .where("closing", "=", "dismissed")
    .execute();
  const dismissedKeys = new Set(dismissed.map((flag) => `${flag.goldLabelId}:${flag.suggested}`));
  const changed: { goldLabelId: number; queueItemId: number; current: string; suggested: string; posterior: number }[] = [];
  for (const gold of golds) {
    const code = itemCodes.get(Number(gold.queueItemId));
    if (code === undefined || gold.value === null) continue;
    const suggested = q.classes[result.labels[code]!]!;
    if (suggested !== gold.value && !dismissedKeys.has(`${gold.id}:${suggested}`)) {
      changed.push({ goldLabelId: Number(gold.id), queueItemId: Number(gold.queueItemId), current: gold.value, suggested, posterior: result.confidence[code]! });
    }
  }
  const superseded = await trx
    .updateTable("gold_refit_flags")
    .set({ closed_at: sql`now()`, closing: "superseded" })
    .where("project_id", "=", q.projectId)
    .where("queue_id", "=", q.queueId)
    .where("field_key", "=", q.fieldKey)
    .where("closed_at", "is", null)
    .$if(changed.length > 0, (query) => query.where("gold_label_id", "not in", changed.map((flag) => flag.goldLabelId)))
    .executeTakeFirst();
  if (changed.length > 0) {
    await trx
      .insertInto("gold_refit_flags")
      .values(
        changed.map((flag) => ({
          project_id: q.projectId,
          queue_id: q.queueId,
          queue_item_id: flag.queueItemId,
          gold_label_id: flag.goldLabelId,
          fit_id: q.fitId,
          field_key: q.fieldKey,
          current_value: flag.current,
          suggested_value: flag.suggested,
          posterior: flag.posterior,
        })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(["gold_label_id", "field_key"])
          .where("closed_at", "is", null)
          .doUpdateSet((eb) => ({ fit_id: eb.ref("excluded.fit_id"), suggested_value: eb.ref("excluded.suggested_value"), posterior: eb.ref("excluded.posterior") })),
      )
      .execute();
  }
  return { flagged: changed.length, superseded: Number(superseded.numUpdatedRows) };
}
