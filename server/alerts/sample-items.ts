import type { Granularity } from "@/server/metrics/catalog";
import { windowEnd } from "./windows";
import type { Executor } from "@/db/executor";

export const SAMPLE_ITEM_LIMIT = 10;

/** Where the evidence points: the items of the firing window a person should look at first. */
export type SampleScope = {
  projectId: string;
  granularity: Granularity;
  windowStart: Date;
  queueId: string | null;
  /** The annotator whose answers are in question, if any. */
  annotatorId: string | null;
  /** Only the annotator's decoy answers (the decoy-acceptance detector). */
  decoysOnly: boolean;
};

/**
 * Up to 10 queue items of the firing window, newest first: an annotator's answers (their decoys when
 * decoys are in question), else the queue's gold labels, else the items of outputs produced in the window.
 */
export async function findSampleItems(db: Executor, scope: SampleScope): Promise<Array<{ queueItemId: number; queueId: string }>> {
  const from = scope.windowStart;
  const to = windowEnd(scope.windowStart, scope.granularity);
  if (scope.annotatorId) {
    let query = db
      .selectFrom("annotations")
      .innerJoin("queue_items", "queue_items.id", "annotations.queue_item_id")
      .select(["queue_items.id as queueItemId", "queue_items.queue_id as queueId"])
      .where("annotations.project_id", "=", scope.projectId)
      .where("annotations.annotator_id", "=", scope.annotatorId)
      .where("annotations.created_at", ">=", from)
      .where("annotations.created_at", "<", to);
    if (scope.queueId) query = query.where("queue_items.queue_id", "=", scope.queueId);
    if (scope.decoysOnly) query = query.where("annotations.was_decoy", "=", true);
    return query.orderBy("annotations.id", "desc").limit(SAMPLE_ITEM_LIMIT).execute();
  }
  if (scope.queueId) {
    return db
      .selectFrom("gold_labels")
      .select(["queue_item_id as queueItemId", "queue_id as queueId"])
      .where("project_id", "=", scope.projectId)
      .where("queue_id", "=", scope.queueId)
      .where("is_current", "=", true)
      .where("created_at", ">=", from)
      .where("created_at", "<", to)
      .orderBy("id", "desc")
      .limit(SAMPLE_ITEM_LIMIT)
      .execute();
  }
  return db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select(["queue_items.id as queueItemId", "queue_items.queue_id as queueId"])
    .where("queue_items.project_id", "=", scope.projectId)
    .where("outputs.produced_at", ">=", from)
    .where("outputs.produced_at", "<", to)
    .orderBy("queue_items.id", "desc")
    .limit(SAMPLE_ITEM_LIMIT)
    .execute();
}
