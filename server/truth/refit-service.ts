import { sql, type Kysely } from "kysely";
import type { DB } from "@/db/types";
import { NotFoundError } from "@/server/lib/errors";
import { reevaluateOpenItems } from "@/server/resolution/reevaluate";
import { readFieldClasses } from "./field-classes";
import { fitField, type FitMethod } from "./fit-field";
import { writeFieldFit } from "./fit-writer";
import { readFieldLabels } from "./label-reader";
import { flagChangedGold } from "./refit-flags";
import type { RefitPhase } from "./refit-requests";

export type FieldRefit = {
  fieldKey: string;
  fitId: number;
  method: FitMethod;
  labelCount: number;
  itemCount: number;
  annotatorCount: number;
  readMs: number;
  fitMs: number;
  writeMs: number;
};

export type RefitOutcome = {
  fields: FieldRefit[];
  /** Fields without a single usable answer are not fitted. */
  skippedFields: string[];
  /** Dawid–Skene queues only: open items decided under the new fit, and gold the fit would change. */
  reevaluated: { resolved: number; conflicts: number } | null;
  flagged: number;
  superseded: number;
};

/**
 * Refits a queue's truth model: per field, reads the counted and gold-check answers, fits Dawid–Skene (or
 * one-coin on thin data) with the queue's active gold items clamped, stores the fit and replaces the
 * annotator stats. On a Dawid–Skene queue it then decides the open items under the new fit and flags
 * current gold the fit disagrees with. Two refits of one queue take turns on an advisory lock. `onPhase`
 * hears each step as it starts, for a progress display.
 */
export async function refitQueue(
  db: Kysely<DB>,
  q: { projectId: string; queueId: string; requestedBy?: string | null },
  onPhase: (phase: RefitPhase) => Promise<void> = async () => {},
): Promise<RefitOutcome> {
  const queue = await db
    .selectFrom("queues")
    .select(["label_schema as labelSchema", "consensus_method as consensusMethod"])
    .where("project_id", "=", q.projectId)
    .where("id", "=", q.queueId)
    .executeTakeFirst();
  if (!queue) throw new NotFoundError("no such queue", { field: "queueId" });
  const isDawidSkene = queue.consensusMethod === "dawid_skene";
  const outcome: RefitOutcome = { fields: [], skippedFields: [], reevaluated: null, flagged: 0, superseded: 0 };
  const flagInputs: { fieldKey: string; classes: string[]; fitId: number; labels: Awaited<ReturnType<typeof readFieldLabels>>; fit: ReturnType<typeof fitField> }[] = [];

  for (const field of readFieldClasses(queue.labelSchema)) {
    await onPhase("reading");
    const readStarted = performance.now();
    const labels = await readFieldLabels(db, { projectId: q.projectId, queueId: q.queueId, fieldKey: field.key, classes: field.classes });
    const readMs = performance.now() - readStarted;
    if (labels.data.items.length === 0) {
      outcome.skippedFields.push(field.key);
      continue;
    }
    await onPhase("fitting");
    const fitStarted = performance.now();
    const fit = fitField(labels.data, labels.gold);
    const fitMs = performance.now() - fitStarted;
    await onPhase("writing");
    const { fitId, writeMs } = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`truth.refit:${q.queueId}`}))`.execute(trx);
      return writeFieldFit(
        trx,
        {
          projectId: q.projectId,
          queueId: q.queueId,
          fieldKey: field.key,
          classes: field.classes,
          requestedBy: q.requestedBy ?? null,
          clampedItemCount: labels.clampedItemCount,
          itemCount: labels.queueItemIds.length,
        },
        fit,
        { readMs, fitMs },
      );
    });
    outcome.fields.push({
      fieldKey: field.key,
      fitId,
      method: fit.method,
      labelCount: labels.data.items.length,
      itemCount: labels.queueItemIds.length,
      annotatorCount: labels.data.workerIds.length,
      readMs,
      fitMs,
      writeMs,
    });
    flagInputs.push({ fieldKey: field.key, classes: field.classes, fitId, labels, fit });
  }

  if (isDawidSkene && outcome.fields.length > 0) {
    await onPhase("reevaluating");
    outcome.reevaluated = await reevaluateOpenItems(db, { projectId: q.projectId, queueId: q.queueId });
    await onPhase("flagging");
    for (const input of flagInputs) {
      const flags = await db.transaction().execute((trx) =>
        flagChangedGold(
          trx,
          { projectId: q.projectId, queueId: q.queueId, fieldKey: input.fieldKey, classes: input.classes, fitId: input.fitId, queueItemIds: input.labels.queueItemIds },
          input.fit.result,
        ),
      );
      outcome.flagged += flags.flagged;
      outcome.superseded += flags.superseded;
    }
  }
  return outcome;
}
