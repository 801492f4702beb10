import type { Executor } from "@/db/executor";
import { computeWilsonInterval } from "@/server/quality/wilson";

export type GoldAccuracy = {
  annotatorId: string;
  queueId: string;
  checks: number;
  correct: number;
  /** correct / checks, with its 95 % Wilson interval. */
  accuracy: number;
  lower: number;
  upper: number;
};

/**
 * Each annotator's answers on gold checks (known answers), per queue, with a Wilson interval. Filters are
 * optional; `since` counts only checks answered after it (a lifted pause starts the count again), `until`
 * only those answered before it.
 */
export async function listGoldAccuracy(
  db: Executor,
  filter: { projectId: string; queueId?: string; annotatorId?: string; since?: Date; until?: Date },
): Promise<GoldAccuracy[]> {
  let query = db
    .selectFrom("annotations as a")
    .innerJoin("queue_items as qi", "qi.id", "a.queue_item_id")
    .select(["a.annotator_id as annotatorId", "qi.queue_id as queueId"])
    .select(({ fn }) => [fn.countAll<number>().as("checks"), fn.count<number>("a.id").filterWhere("a.gold_check_correct", "=", true).as("correct")])
    .where("a.project_id", "=", filter.projectId)
    .where("qi.project_id", "=", filter.projectId)
    .where("a.gold_check_correct", "is not", null)
    .groupBy(["a.annotator_id", "qi.queue_id"]);
  if (filter.queueId) query = query.where("qi.queue_id", "=", filter.queueId);
  if (filter.annotatorId) query = query.where("a.annotator_id", "=", filter.annotatorId);
  if (filter.since) query = query.where("a.created_at", ">", filter.since);
  if (filter.until) query = query.where("a.created_at", "<", filter.until);
  const rows = await query.execute();
  return rows.map((row) => {
    const checks = Number(row.checks);
    const correct = Number(row.correct);
    const interval = computeWilsonInterval(correct, checks);
    return { annotatorId: row.annotatorId, queueId: row.queueId, checks, correct, accuracy: interval.proportion, lower: interval.lower, upper: interval.upper };
  });
}
