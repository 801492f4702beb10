import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectActor } from "@/server/auth/actor";
import { listSharedDocumentAuthors, readSharedDocument } from "@/server/collab/shared-document";
import { sharedDocumentKey } from "@/server/collab/schema";
import { conversationToText } from "@/server/items/conversation-text";
import { snapshotCorrection } from "@/server/items/correction";
import { parseLabelSchema, validateLabelValues } from "@/server/items/label-values";
import { findItemOutput, lockQueueItem } from "@/server/items/queries";
import { InvalidStateError, NotFoundError, ValidationError } from "@/server/lib/errors";
import type { QueueItemState } from "@/server/queues/schema";
import { resolveApprovedItem } from "@/server/resolution/approval-gold";
import { emitWebhookEvent } from "@/server/webhooks/outbox";
import { CHANGEABLE_ITEM_STATES, lockOwnAnswer, reviseAnswer } from "./answer-queries";
import { countSubmission } from "./claim-queries";
import { findOwnAssignment, findSubmittingAssignment, insertAnnotation, markAssignmentSubmitted } from "./queries";
import { listItemApprovals } from "./shared-queries";
import type { ApproveSharedAnswerInput } from "./shared-schema";
import { buildSnapshotKey } from "./shared-snapshot";

/** The caller's assignment on a collaborative queue; NotFound for anyone else's, InvalidState on a blind queue. */
export async function findOwnSharedAssignment(db: Kysely<DB>, actor: ProjectActor, assignmentId: number) {
  const own = await findOwnAssignment(db, { projectId: actor.projectId, assignmentId, userId: actor.userId });
  if (!own) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
  if (own.mode !== "collaborative") throw new InvalidStateError("this queue is blind: submit your own answer", { field: "assignmentId" });
  return own;
}

/** The shared answer as it stands, checked against the queue's fields: a required field left empty is named. */
async function readApprovableAnswer(db: Kysely<DB>, projectId: string, own: { queueItemId: number; labelSchema: unknown; output: Parameters<typeof conversationToText>[0] }, documentState?: string) {
  const labelSchema = parseLabelSchema(own.labelSchema);
  const content = await readSharedDocument(db, { projectId, documentKey: sharedDocumentKey(own.queueItemId), clientState: documentState });
  const values = validateLabelValues(labelSchema, content.answer);
  const correction = labelSchema.allowCorrection ? snapshotCorrection(content.text, conversationToText(own.output)) : null;
  return { values, correction };
}

function describeClosedItem(state: QueueItemState): string {
  return state === "resolved" ? "this item is gold already" : `this item no longer takes approvals; it is ${state}`;
}

/**
 * Locks a collaborative item for an action of one of its annotators (approve, escalate): refused when the
 * item no longer takes approvals, or when the caller's seat was skipped or lapsed. Returns the item and the
 * seat's state, active (not yet approved) or submitted (approved before).
 */
export async function lockOpenSeat(trx: Transaction<DB>, projectId: string, own: { id: number; queueItemId: number }) {
  const item = await lockQueueItem(trx, projectId, own.queueItemId);
  if (!item) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
  if (!CHANGEABLE_ITEM_STATES.includes(item.state)) throw new InvalidStateError(describeClosedItem(item.state), { field: "assignmentId" });
  const { state } = await findSubmittingAssignment(trx, projectId, own.id);
  if (state === "skipped") throw new InvalidStateError("you skipped this item", { field: "assignmentId" });
  if (state === "expired") throw new InvalidStateError("your lease on this item expired; take the next item", { field: "assignmentId" });
  return { item, seatState: state };
}

/**
 * Approves a collaborative item's shared answer and correction as they stand now, as the caller's answer
 * (audited as `annotation.approved`). A first approval answers the caller's seat like a submit; a later one
 * replaces it (the earlier is kept as a revision). Only approvals of the same version count together: when
 * k annotators have approved exactly this version, the item becomes gold in the same transaction.
 */
export async function approveSharedAnswer(db: Kysely<DB>, actor: ProjectActor, input: ApproveSharedAnswerInput) {
  const { projectId } = actor;
  const own = await findOwnSharedAssignment(db, actor, input.assignmentId);
  // Read before the item is locked, so the lock is held for a few short statements only.
  const { values, correction } = await readApprovableAnswer(db, projectId, own, input.documentState);
  return db.transaction().execute(async (trx) => {
    const { item, seatState } = await lockOpenSeat(trx, projectId, own);
    let annotationId: number;
    switch (seatState) {
      case "active": {
        annotationId = await insertAnnotation(trx, {
          projectId,
          queueItemId: item.id,
          assignmentId: own.id,
          annotatorId: actor.userId,
          values,
          note: null,
          correction,
          schemaVersion: own.schemaVersion,
          timeSpentMs: null,
          shownSuggestion: null,
          wasDecoy: false,
          goldCheckCorrect: null,
        });
        await markAssignmentSubmitted(trx, projectId, own.id);
        await countSubmission(trx, { projectId, queueItemId: item.id, isRevived: false });
        await emitWebhookEvent(trx, { projectId, type: "annotation.submitted", data: { annotationId, queueItemId: item.id, queueId: own.queueId, outputId: own.outputId } });
        break;
      }
      case "submitted": {
        const previous = await lockOwnAnswer(trx, { projectId, assignmentId: own.id, userId: actor.userId });
        if (!previous) throw new InvalidStateError("this approval is missing its answer");
        await reviseAnswer(trx, { projectId, previous, next: { values, note: null, correction, schemaVersion: own.schemaVersion, goldCheckCorrect: null } });
        annotationId = previous.id;
        break;
      }
    }
    const snapshotKey = buildSnapshotKey(values, correction);
    await insertAuditEntry(trx, {
      projectId,
      actorUserId: actor.userId,
      action: "annotation.approved",
      targetType: "annotation",
      targetId: String(annotationId),
      data: { queueItemId: item.id, queueId: own.queueId, values, correction },
    });
    const agreeing = (await listItemApprovals(trx, projectId, item.id)).filter((approval) => buildSnapshotKey(approval.values, approval.correction) === snapshotKey);
    if (agreeing.length < own.overlap) return { annotationId, itemState: "in_review" as QueueItemState, approvals: agreeing.length, needed: own.overlap };
    await resolveApprovedItem(trx, projectId, {
      queueItemId: item.id,
      values,
      correction,
      annotationIds: agreeing.map((approval) => approval.id),
      approverIds: agreeing.map((approval) => approval.annotatorId),
    });
    return { annotationId, itemState: "resolved" as QueueItemState, approvals: agreeing.length, needed: own.overlap };
  });
}

/**
 * A collaborative item as its annotators see it beside the shared document: its state, who approved which
 * version (an approval of anything but the current shared answer is marked as earlier), and who wrote
 * with which Yjs client id, so the editor can colour each span by its author.
 */
export async function getSharedItem(db: Kysely<DB>, actor: ProjectActor, assignmentId: number) {
  const own = await findOwnSharedAssignment(db, actor, assignmentId);
  const documentKey = sharedDocumentKey(own.queueItemId);
  const item = await findItemOutput(db, actor.projectId, own.queueItemId);
  if (!item) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
  const current = await readApprovableAnswer(db, actor.projectId, own).catch((error: unknown) => {
    // An unfinished answer is no version anyone approved.
    if (error instanceof ValidationError) return null;
    throw error;
  });
  const currentKey = current ? buildSnapshotKey(current.values, current.correction) : null;
  const approvals = await listItemApprovals(db, actor.projectId, own.queueItemId);
  return {
    queueItemId: own.queueItemId,
    itemState: item.state,
    // Why a lead decides it: the annotators share one answer, so the reasons hide nothing from them.
    conflictReasons: item.state === "conflict" ? (item.conflictReasons ?? []) : [],
    needed: own.overlap,
    approvals: approvals.map((approval) => ({
      annotatorId: approval.annotatorId,
      name: approval.name,
      isMine: approval.annotatorId === actor.userId,
      approvedAt: approval.approvedAt,
      isCurrent: buildSnapshotKey(approval.values, approval.correction) === currentKey,
    })),
    authors: await listSharedDocumentAuthors(db, actor.projectId, documentKey),
  };
}
