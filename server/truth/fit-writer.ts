import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { FieldFit } from "./fit-field";

export type FitTimings = { readMs: number; fitMs: number };

/**
 * Stores a field's fit and replaces the queue field's annotator stats with it, in the caller's
 * transaction. write_ms is the time of these statements, stamped on the fit row last.
 */
export async function writeFieldFit(
  trx: Executor,
  q: { projectId: string; queueId: string; fieldKey: string; classes: string[]; requestedBy: string | null; clampedItemCount: number; itemCount: number },
  fit: FieldFit,
  timings: FitTimings,
): Promise<{ fitId: number; writeMs: number }> {
  const started = performance.now();
  const inserted = await trx
    .insertInto("quality_fits")
    .values({
      project_id: q.projectId,
      queue_id: q.queueId,
      field_key: q.fieldKey,
      method: fit.method,
      classes: JSON.stringify(q.classes),
      class_priors: JSON.stringify(Array.from(fit.result.priors)),
      iterations: fit.result.iterations,
      is_converged: fit.result.isConverged,
      log_likelihood: fit.result.logLikelihood,
      label_count: fit.annotators.reduce((sum, annotator) => sum + annotator.labelCount, 0),
      item_count: q.itemCount,
      annotator_count: fit.annotators.length,
      clamped_item_count: q.clampedItemCount,
      read_ms: Math.round(timings.readMs),
      fit_ms: Math.round(timings.fitMs),
      write_ms: 0,
      requested_by: q.requestedBy,
    })
    .returning(["id", "fitted_at"])
    .executeTakeFirstOrThrow();
  const fitId = Number(inserted.id);
  await trx.deleteFrom("annotator_stats").where("project_id", "=", q.projectId).where("queue_id", "=", q.queueId).where("field_key", "=", q.fieldKey).execute();
  if (fit.annotators.length > 0) {
    await trx
      .insertInto("annotator_stats")
      .values(
        fit.annotators.map((annotator) => ({
          project_id: q.projectId,
          queue_id: q.queueId,
          field_key: q.fieldKey,
          annotator_id: annotator.annotatorId,
          fit_id: fitId,
          confusion: JSON.stringify(annotator.confusion),
          reliability: annotator.reliability,
          label_count: annotator.labelCount,
          fitted_at: inserted.fitted_at,
        })),
      )
      .execute();
  }
  const writeMs = performance.now() - started;
  await trx.updateTable("quality_fits").set({ write_ms: sql`${Math.round(writeMs)}::int` }).where("project_id", "=", q.projectId).where("id", "=", fitId).execute();
  return { fitId, writeMs };
}
