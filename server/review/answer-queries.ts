import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";
import type { LabelValues } from "@/server/labels/answer-values";
import type { WithAssignmentState } from "@/server/items/states";
import type { QueueItemState } from "@/server/queues/schema";

/** How many of the caller's latest answers the review page offers to go back to. */
const RECENT_ANSWERS = 20;

/** The item states in which an answer still counts toward an outcome not yet reached, so it may change. */
export const CHANGEABLE_ITEM_STATES: readonly QueueItemState[] = ["pending", "in_review"];

/** The caller's latest answers in a queue, newest first, with what became of each item. */
export async function listRecentAnswers(db: Executor, params: { projectId: string; queueId: string; userId: string }) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("annotations as an", "an.assignment_id", "a.id")
    .innerJoin("queue_items as qi", "qi.id", "a.queue_item_id")
    .innerJoin("outputs as o", "o.id", "qi.output_id")
    .select([
      "a.id as assignmentId",
      "a.is_gold_check as isGoldCheck",
      "qi.state as itemState",
      "o.external_id as externalId",
      "an.values",
      "an.revision",
      "a.submitted_at as submittedAt",
    ])
    .where("a.project_id", "=", params.projectId)
    .where("an.project_id", "=", params.projectId)
    .where("qi.project_id", "=", params.projectId)
    .where("o.project_id", "=", params.projectId)
    .where("a.queue_id", "=", params.queueId)
    .where("a.annotator_id", "=", params.userId)
    .where("a.state", "=", "submitted")
    .orderBy("a.submitted_at", "desc")
    .orderBy("a.id", "desc")
    .limit(RECENT_ANSWERS)
    .$narrowType<{ itemState: QueueItemState; submittedAt: Date }>()
    .execute();
}

/** The caller's answer to one of their assignments; undefined when it is not theirs or not answered. */
export async function findOwnAnswer(db: Executor, params: { projectId: string; assignmentId: number; userId: string }) {
  return db
    .selectFrom("annotations as an")
    .innerJoin("assignments as a", "a.id", "an.assignment_id")
    .innerJoin("queue_items as qi", "qi.id", "an.queue_item_id")
    .select(["an.id", "an.values", "an.note", "an.revision", "an.revised_at as revisedAt", "qi.state as itemState", "a.is_gold_check as isGoldCheck"])
    .where("an.project_id", "=", params.projectId)
    .where("a.project_id", "=", params.projectId)
    .where("qi.project_id", "=", params.projectId)
    .where("an.assignment_id", "=", params.assignmentId)
    .where("an.annotator_id", "=", params.userId)
    .$narrowType<{ itemState: QueueItemState }>()
    .executeTakeFirst();
}

/** The answer being changed, read under the item lock, with its assignment's state. */
export async function lockOwnAnswer(trx: Transaction<DB>, params: { projectId: string; assignmentId: number; userId: string }) {
  return trx
    .selectFrom("annotations as an")
    .innerJoin("assignments as a", "a.id", "an.assignment_id")
    .select(["an.id", "an.values", "an.note", "an.correction", "an.revision", "an.schema_version as schemaVersion", "a.state", "a.is_gold_check as isGoldCheck"])
    .where("an.project_id", "=", params.projectId)
    .where("a.project_id", "=", params.projectId)
    .where("an.assignment_id", "=", params.assignmentId)
    .where("an.annotator_id", "=", params.userId)
    .forUpdate("an")
    .$narrowType<WithAssignmentState>()
    .executeTakeFirst();
}

/** Keeps the answer being replaced as revision n, then makes the new one the annotation's revision n+1. */
export async function reviseAnswer(
  trx: Transaction<DB>,
  params: {
    projectId: string;
    previous: { id: number; values: unknown; note: string | null; correction: string | null; revision: number; schemaVersion: number };
    next: { values: LabelValues; note: string | null; correction: string | null; schemaVersion: number; goldCheckCorrect: boolean | null };
  },
): Promise<number> {
  const { previous, next } = params;
  await trx
    .insertInto("annotation_revisions")
    .values({
      project_id: params.projectId,
      annotation_id: previous.id,
      revision: previous.revision,
      values: JSON.stringify(previous.values),
      note: previous.note,
      correction: previous.correction,
      schema_version: previous.schemaVersion,
    })
    .execute();
  await trx
    .updateTable("annotations")
    .set({
      values: JSON.stringify(next.values),
      note: next.note,
      correction: next.correction,
      schema_version: next.schemaVersion,
      revision: previous.revision + 1,
      revised_at: sql`now()`,
      ...(next.goldCheckCorrect === null ? {} : { gold_check_correct: next.goldCheckCorrect }),
    })
    .where("project_id", "=", params.projectId)
    .where("id", "=", previous.id)
    .execute();
  return previous.revision + 1;
}
