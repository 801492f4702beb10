import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/**
 * A stored Dawid–Skene fit of a queue's field, as a refit writes it: the classes in order, their priors,
 * and one confusion matrix per annotator (rows: true value, columns: answer).
 */
export async function insertFit(
  db: Executor,
  fit: { projectId: string; queueId: string; fieldKey: string; classes: string[]; priors: number[]; confusionByAnnotator: Record<string, number[][]> },
): Promise<number> {
  const annotatorIds = Object.keys(fit.confusionByAnnotator);
  const row = await db
    .insertInto("quality_fits")
    .values({
      project_id: fit.projectId,
      queue_id: fit.queueId,
      field_key: fit.fieldKey,
      method: "dawid_skene",
      classes: JSON.stringify(fit.classes),
      class_priors: JSON.stringify(fit.priors),
      iterations: 10,
      is_converged: true,
      log_likelihood: -1,
      label_count: annotatorIds.length,
      item_count: 1,
      annotator_count: annotatorIds.length,
      clamped_item_count: 0,
      read_ms: 0,
      fit_ms: 0,
      write_ms: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const fitId = Number(row.id);
  await db
    .insertInto("annotator_stats")
    .values(
      annotatorIds.map((annotatorId) => {
        const confusion = fit.confusionByAnnotator[annotatorId]!;
        return {
          project_id: fit.projectId,
          queue_id: fit.queueId,
          field_key: fit.fieldKey,
          annotator_id: annotatorId,
          fit_id: fitId,
          confusion: JSON.stringify(confusion),
          reliability: fit.priors.reduce((sum, prior, truth) => sum + prior * confusion[truth]![truth]!, 0),
          label_count: 1,
        };
      }),
    )
    .onConflict((oc) => oc.columns(["queue_id", "field_key", "annotator_id"]).doUpdateSet((eb) => ({ fit_id: eb.ref("excluded.fit_id"), confusion: eb.ref("excluded.confusion"), reliability: eb.ref("excluded.reliability") })))
    .execute();
  return fitId;
}

/** Right with `accuracy`, wrong answers spread evenly over the other classes. */
export function confusionOf(classCount: number, accuracy: number): number[][] {
  return Array.from({ length: classCount }, (_, truth) => Array.from({ length: classCount }, (_, given) => (truth === given ? accuracy : (1 - accuracy) / (classCount - 1))));
}

export type ClosedItemAnswers = { queueItemId: number; answers: Record<string, string>; state?: "needs_resolution" | "conflict" };

/**
 * Items closed to new labels (as an import leaves them), each with one submitted, counted answer per
 * annotator: `answers` maps annotator id to the verdict. A few statements for any number of items.
 */
export async function insertClosedItems(db: Executor, params: { projectId: string; queueId: string; items: readonly ClosedItemAnswers[] }): Promise<void> {
  for (const state of ["needs_resolution", "conflict"] as const) {
    const ids = params.items.filter((item) => (item.state ?? "needs_resolution") === state).map((item) => item.queueItemId);
    if (ids.length > 0) await db.updateTable("queue_items").set({ state }).where("id", "in", ids).execute();
  }
  const seats = params.items.flatMap((item) => Object.entries(item.answers).map(([annotatorId, verdict]) => ({ queueItemId: item.queueItemId, annotatorId, verdict })));
  const assignments = await db
    .insertInto("assignments")
    .values(
      seats.map((seat) => ({
        project_id: params.projectId,
        queue_id: params.queueId,
        queue_item_id: seat.queueItemId,
        annotator_id: seat.annotatorId,
        state: "submitted",
        lease_expires_at: new Date(),
        submitted_at: new Date(),
      })),
    )
    .returning(["id", "queue_item_id as queueItemId", "annotator_id as annotatorId"])
    .execute();
  const verdictOf = new Map(seats.map((seat) => [`${seat.queueItemId}/${seat.annotatorId}`, seat.verdict]));
  await db
    .insertInto("annotations")
    .values(
      assignments.map((assignment) => ({
        project_id: params.projectId,
        queue_item_id: assignment.queueItemId,
        assignment_id: assignment.id,
        annotator_id: assignment.annotatorId,
        values: JSON.stringify({ verdict: verdictOf.get(`${assignment.queueItemId}/${assignment.annotatorId}`)! }),
        schema_version: 1,
      })),
    )
    .execute();
  await sql`
    update queue_items qi set assigned_count = counted.n, submitted_count = counted.n
    from (select queue_item_id, count(*)::int as n from assignments where queue_id = ${params.queueId} and state = 'submitted' group by queue_item_id) counted
    where qi.id = counted.queue_item_id and qi.queue_id = ${params.queueId}
  `.execute(db);
}
