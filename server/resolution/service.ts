import type { Kysely, Transaction } from "kysely";
import type { DB, Json } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { readDocumentText } from "@/server/collab/document-text";
import { goldDocumentKey } from "@/server/collab/schema";
import { conversationToText } from "@/server/items/conversation-text";
import { snapshotCorrection } from "@/server/items/correction";
import { checkOptionalParts, parseLabelSchema, validateLabelValues } from "@/server/items/label-values";
import { lockQueueItem } from "@/server/items/queries";
import { ConflictError, InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/pg-errors";
import type { ProjectActor } from "@/server/auth/actor";
import { emitWebhookEvent } from "@/server/webhooks/outbox";
import { findCurrentGold, findItemView, insertGoldLabel, listSubmittedAnnotations, markItemConflict, markItemResolved } from "./queries";
import { closeReopening, findOpenReopening, retireGold } from "./revision-queries";
import { recordGoldRevised } from "./revision-events";
import { resolveCorrections, resolveLabels } from "./rules";
import type { FinalizeGoldInput, GoldMethod } from "./schema";
import type { Executor } from "@/db/executor";

type Annotation = Awaited<ReturnType<typeof listSubmittedAnnotations>>[number];

/** An item with its queue and output, or NotFound. */
export async function loadItem(db: Executor, projectId: string, queueItemId: number) {
  const item = await findItemView(db, projectId, queueItemId);
  if (!item) throw new NotFoundError("no such item", { field: "queueItemId" });
  return item;
}

/** Each annotator's answer to the (v1: single) field, for provenance. */
function votesByAnnotator(annotations: Annotation[], fieldKey: string): Record<string, string> {
  return Object.fromEntries(annotations.map((annotation) => [annotation.annotatorId, String((annotation.values as Record<string, Json>)[fieldKey])]));
}

/** Inserts a current gold label and its audit entry, in the caller's transaction. */
async function writeGold(
  trx: Transaction<DB>,
  gold: {
    projectId: string;
    item: { id: number; queueId: string; outputId: number };
    values: Record<string, string>;
    correction: string | null;
    method: GoldMethod;
    confidence: number;
    provenance: Record<string, Json>;
    resolvedBy: string | null;
    /** The lead's note on an adjudication, kept with the gold and in its audit entry. */
    note?: string;
    /** Set when this gold replaces a reopened one: the revision is audited as `gold.revised`. */
    revision?: { supersedes: number; reason: string; actorUserId: string };
  },
): Promise<number> {
  const goldLabelId = await insertGoldLabel(trx, {
    projectId: gold.projectId,
    queueId: gold.item.queueId,
    queueItemId: gold.item.id,
    outputId: gold.item.outputId,
    values: gold.values,
    correction: gold.correction,
    method: gold.method,
    confidence: gold.confidence,
    provenance: gold.provenance,
    resolvedBy: gold.resolvedBy,
    supersedes: gold.revision?.supersedes ?? null,
    revisionReason: gold.revision?.reason ?? null,
  });
  if (gold.revision) {
    await recordGoldRevised(trx, {
      projectId: gold.projectId,
      actorUserId: gold.revision.actorUserId,
      queueItemId: gold.item.id,
      queueId: gold.item.queueId,
      outputId: gold.item.outputId,
      goldLabelId,
      supersedes: gold.revision.supersedes,
      reason: gold.revision.reason,
      values: gold.values,
      method: gold.method,
      confidence: gold.confidence,
    });
    return goldLabelId;
  }
  await insertAuditEntry(trx, {
    projectId: gold.projectId,
    actorUserId: gold.resolvedBy,
    action: "gold.created",
    targetType: "gold_label",
    targetId: String(goldLabelId),
    data: {
      queueItemId: gold.item.id,
      queueId: gold.item.queueId,
      method: gold.method,
      confidence: gold.confidence,
      values: gold.values,
      ...(gold.note ? { note: gold.note } : {}),
    },
  });
  await emitWebhookEvent(trx, {
    projectId: gold.projectId,
    type: "gold.created",
    data: { goldLabelId, queueItemId: gold.item.id, queueId: gold.item.queueId, outputId: gold.item.outputId, method: gold.method, confidence: gold.confidence },
  });
  return goldLabelId;
}

/**
 * Resolves an item whose k-th answer was just submitted: gold (unanimous or majority) when labels and
 * corrections agree, else conflict with its reasons. Runs in the submit transaction, item row locked.
 */
export async function resolveItem(trx: Transaction<DB>, projectId: string, queueItemId: number): Promise<"resolved" | "conflict"> {
  const item = await loadItem(trx, projectId, queueItemId);
  const [field] = parseLabelSchema(item.labelSchema).fields;
  const annotations = await listSubmittedAnnotations(trx, projectId, queueItemId);
  if (!field || annotations.length === 0) throw new InvalidStateError("nothing to resolve on this item");
  const votes = votesByAnnotator(annotations, field.key);
  const labels = resolveLabels(Object.values(votes), item.majorityThreshold);
  const corrections = resolveCorrections(annotations.map((annotation) => annotation.correction));
  if (labels.kind === "conflict" || corrections.kind === "conflict") {
    const reasons = [labels, corrections].flatMap((outcome) => (outcome.kind === "conflict" ? [outcome.reason] : []));
    await markItemConflict(trx, projectId, queueItemId, reasons);
    await emitWebhookEvent(trx, { projectId, type: "conflict.opened", data: { queueItemId, queueId: item.queueId, outputId: item.outputId, reasons } });
    return "conflict";
  }
  await writeGold(trx, {
    projectId,
    item: { id: item.id, queueId: item.queueId, outputId: item.outputId },
    values: { [field.key]: labels.value },
    correction: corrections.correction,
    method: labels.method,
    confidence: labels.confidence,
    provenance: { votes, annotationIds: annotations.map((annotation) => annotation.id), threshold: item.majorityThreshold },
    resolvedBy: null,
  });
  await markItemResolved(trx, projectId, queueItemId);
  return "resolved";
}

async function alreadyFinalizedError(db: Executor, projectId: string, queueItemId: number): Promise<ConflictError> {
  const gold = await findCurrentGold(db, projectId, queueItemId);
  const by = gold?.resolvedByName ?? (gold ? `consensus (${gold.method})` : "someone else");
  return new ConflictError(`already finalized by ${by}`, { field: "queueItemId" });
}

/**
 * A lead's verdict on a conflict becomes adjudicated gold. Racing leads queue on the item lock and the
 * later one finds it resolved; the one-current-gold unique index is the backstop. On an item reopened for
 * revision, the new gold supersedes the old one in the same transaction: the old stops being current, the
 * new carries the reopening's reason, and the revision is audited as `gold.revised`.
 */
export async function finalizeGold(db: Kysely<DB>, actor: ProjectActor, input: FinalizeGoldInput): Promise<{ goldLabelId: number }> {
  const view = await loadItem(db, actor.projectId, input.queueItemId);
  const labelSchema = parseLabelSchema(view.labelSchema);
  const values = validateLabelValues(labelSchema, input.values);
  checkOptionalParts(labelSchema, { correctionState: input.correctionState });
  // Read before taking the lock, which then stays short; the lead's own copy is merged in, so nothing typed is lost.
  const correction = labelSchema.allowCorrection
    ? snapshotCorrection(
        await readDocumentText(db, { projectId: actor.projectId, documentKey: goldDocumentKey(view.id), correctionState: input.correctionState }),
        conversationToText(view.output),
      )
    : null;
  try {
    return await db.transaction().execute(async (trx) => {
      const item = await lockQueueItem(trx, actor.projectId, view.id);
      if (!item) throw new NotFoundError("no such item", { field: "queueItemId" });
      if (item.state === "resolved") throw await alreadyFinalizedError(trx, actor.projectId, item.id);
      if (item.state !== "conflict") throw new InvalidStateError(`only an item in conflict can be finalized; this one is ${item.state}`, { field: "queueItemId" });
      const annotations = await listSubmittedAnnotations(trx, actor.projectId, item.id);
      const [field] = labelSchema.fields;
      const reopening = await findOpenReopening(trx, actor.projectId, item.id);
      if (reopening) {
        await retireGold(trx, actor.projectId, reopening.goldLabelId);
        await closeReopening(trx, actor.projectId, reopening.id, "revised");
      }
      const goldLabelId = await writeGold(trx, {
        projectId: actor.projectId,
        item,
        values,
        correction,
        method: "adjudicated",
        confidence: 1,
        provenance: {
          votes: field ? votesByAnnotator(annotations, field.key) : {},
          annotationIds: annotations.map((annotation) => annotation.id),
          conflictReasons: item.conflictReasons,
          note: input.note || null,
        },
        resolvedBy: actor.userId,
        note: input.note || undefined,
        revision: reopening ? { supersedes: reopening.goldLabelId, reason: reopening.reason, actorUserId: actor.userId } : undefined,
      });
      await markItemResolved(trx, actor.projectId, item.id);
      return { goldLabelId };
    });
  } catch (error) {
    if (!isUniqueViolation(error, "gold_labels_current_item_key")) throw error;
    throw await alreadyFinalizedError(db, actor.projectId, input.queueItemId);
  }
}
