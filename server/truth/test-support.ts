import type { Executor } from "@/db/executor";

export type SeededAnswer = {
  queueItemId: number;
  annotatorId: string;
  value: string;
  /** A gold-check answer: not counted, marked right or wrong. */
  goldCheckCorrect?: boolean;
  /** A decoy answer: never votes. */
  isDecoy?: boolean;
  createdAt?: Date;
};

/** Submitted assignments with their answers on the seeded verdict field, written straight into the tables. */
export async function seedAnswers(db: Executor, q: { projectId: string; queueId: string }, answers: SeededAnswer[]): Promise<void> {
  if (answers.length === 0) return;
  const assignments = await db
    .insertInto("assignments")
    .values(
      answers.map((answer) => ({
        project_id: q.projectId,
        queue_id: q.queueId,
        queue_item_id: answer.queueItemId,
        annotator_id: answer.annotatorId,
        state: "submitted",
        lease_expires_at: answer.createdAt ?? new Date(),
        submitted_at: answer.createdAt ?? new Date(),
        is_gold_check: answer.goldCheckCorrect !== undefined,
      })),
    )
    .returning("id")
    .execute();
  await db
    .insertInto("annotations")
    .values(
      answers.map((answer, index) => ({
        project_id: q.projectId,
        queue_item_id: answer.queueItemId,
        annotator_id: answer.annotatorId,
        assignment_id: assignments[index]!.id,
        schema_version: 1,
        values: JSON.stringify({ verdict: answer.value }),
        was_decoy: answer.isDecoy ?? false,
        counts_toward_gold: answer.goldCheckCorrect === undefined && !answer.isDecoy,
        gold_check_correct: answer.goldCheckCorrect ?? null,
        ...(answer.createdAt ? { created_at: answer.createdAt } : {}),
      })),
    )
    .execute();
}
