import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { WithItemState } from "@/server/items/states";
import type { ListQueueItemsInput } from "./schema";

/** The completion as one short line: its text, or its last message's content. */
const outputPreview = sql<string | null>`left(case jsonb_typeof(o.output) when 'string' then o.output #>> '{}' else o.output -> -1 ->> 'content' end, 160)`;

/**
 * One page of a queue's items, newest first, with the output each was drawn from and its current gold.
 * Keyset on the item id: pages do not shift while items arrive.
 */
export async function listQueueItemsPage(db: Executor, projectId: string, input: ListQueueItemsInput) {
  let query = db
    .selectFrom("queue_items as qi")
    .innerJoin("outputs as o", (join) => join.onRef("o.id", "=", "qi.output_id").on("o.project_id", "=", projectId))
    .leftJoin("gold_labels as g", (join) => join.onRef("g.queue_item_id", "=", "qi.id").on("g.project_id", "=", projectId).on("g.is_current", "=", true))
    .select([
      "qi.id",
      "qi.state",
      "qi.submitted_count as submittedCount",
      "qi.assigned_count as assignedCount",
      "qi.extra_seats as extraSeats",
      "qi.conflict_reasons as conflictReasons",
      "qi.is_holdout as isHoldout",
      "qi.created_at as createdAt",
      "qi.resolved_at as resolvedAt",
      "o.id as outputId",
      "o.external_id as externalId",
      "o.model",
      outputPreview.as("outputPreview"),
      "g.method as goldMethod",
      "g.values as goldValues",
    ])
    .where("qi.project_id", "=", projectId)
    .where("qi.queue_id", "=", input.queueId)
    .orderBy("qi.id", "desc")
    .limit(input.limit + 1)
    .$narrowType<WithItemState>();
  if (input.state !== "all") query = query.where("qi.state", "=", input.state);
  if (input.cursor) query = query.where("qi.id", "<", input.cursor);
  return query.execute();
}
