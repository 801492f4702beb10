import type { LabelValues } from "@/server/labels/answer-values";
import type { Kysely, Transaction } from "kysely";
import type { DB, Json } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { readDocumentText } from "@/server/collab/document-text";
import { goldDocumentKey } from "@/server/collab/schema";
import { conversationToText } from "@/server/items/conversation-text";
import { snapshotCorrection } from "@/server/items/correction";
import { checkOptionalParts, parseLabelSchema, validateLabelValues } from "@/server/items/label-values";
import { countProjectMembers, lockQueueItem } from "@/server/items/queries";
import { ConflictError, InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/pg-errors";
import type { ProjectActor } from "@/server/auth/actor";
import { primaryChoiceField, type QueueItemState } from "@/server/queues/schema";
import { emitWebhookEvent } from "@/server/webhooks/outbox";
import { goldCreatedAuditEntry, goldCreatedEvent } from "./gold-created";
import { decideItem, loadConsensusPolicy, votesByAnnotator } from "./policy";
import { findCurrentGold, findItemView, grantExtraSeat, insertGoldLabel, listSubmittedAnnotations, markItemConflict, markItemResolved } from "./queries";
import { closeReopening, findOpenReopening, retireGold } from "./revision-queries";
import { recordGoldRevised } from "./revision-events";
import type { FinalizeGoldInput, GoldMethod } from "./schema";
import type { Executor } from "@/db/executor";

/** An item with its queue and output, or NotFound. */
export async function loadItem(db: Executor, projectId: string, queueItemId: number) {
  const item = await findItemView(db, projectId, queueItemId);
  if (!item) throw new NotFoundError("no such item", { field: "queueItemId" });
  return item;
}

/** Inserts a current gold label, its audit entry and its webhook event, in the caller's transaction. */
export async function writeGold(
  trx: Transaction<DB>,
  gold: {
    projectId: string;
    item: { id: number; queueId: string; outputId: number };
    values: LabelValues;
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
  const created = { ...gold, goldLabelId };
  await insertAuditEntry(trx, goldCreatedAuditEntry(created));
  await emitWebhookEvent(trx, goldCreatedEvent(created));
  return goldLabelId;
}

export type ResolveResult = { outcome: "resolved" | "conflict" | "awaiting_more"; itemState: QueueItemState };

/** Records a conflict and tells the subscribers, in the caller's transaction. */
export async function openConflict(trx: Transaction<DB>, projectId: string, item: { id: number; queueId: string; outputId: number }, reasons: string[]) {
  await markItemConflict(trx, projectId, item.id, reasons);
  await emitWebhookEvent(trx, { projectId, type: "conflict.opened", data: { queueItemId: item.id, queueId: item.queueId, outputId: item.outputId, reasons } });
}

/**
 * Resolves an item whose last seat was just answered, by the queue's policy (majority or Dawid–Skene):
 * gold when the label reaches it and corrections agree. Otherwise, on a queue with adaptive overlap whose
 * item has fewer counted answers than K (and the project someone who has not answered it), the item asks
 * for one more annotator ("awaiting_more"); else it goes to conflict with its reasons. Runs in the submit
 * transaction, item row locked.
 */
export async function resolveItem(trx: Transaction<DB>, projectId: string, queueItemId: number): Promise<ResolveResult> {
  const item = await loadItem(trx, projectId, queueItemId);
  const answers = await listSubmittedAnnotations(trx, projectId, queueItemId);
  if (answers.length === 0) throw new InvalidStateError("nothing to resolve on this item");
  const policy = await loadConsensusPolicy(trx, { projectId, queueId: item.queueId, labelSchema: parseLabelSchema(item.labelSchema), settings: item });
  const decision = decideItem(policy, answers);
  if (decision.kind === "conflict") {
    // One more annotator only while someone in the project has not answered yet: otherwise the seat would never fill.
    if (item.maxOverlap !== null && answers.length < item.maxOverlap && (await countProjectMembers(trx, projectId)) > answers.length) {
      return { outcome: "awaiting_more", itemState: await grantExtraSeat(trx, projectId, queueItemId) };
    }
    await openConflict(trx, projectId, item, decision.reasons);
    return { outcome: "conflict", itemState: "conflict" };
  }
  await writeGold(trx, {
    projectId,
    item,
    values: decision.values,
    correction: decision.correction,
    method: decision.method,
    confidence: decision.confidence,
    provenance: { ...decision.provenance, seats: item.overlap + item.extraSeats },
    resolvedBy: null,
  });
  await markItemResolved(trx, projectId, queueItemId);
  return { outcome: "resolved", itemState: "resolved" };
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
      const field = primaryChoiceField(labelSchema);
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
