import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { readDocumentText } from "@/server/collab/document-text";
import { correctionDocumentKey } from "@/server/collab/schema";
import { conversationToText } from "@/server/items/conversation-text";
import { snapshotCorrection } from "@/server/items/correction";
import { checkOptionalParts, parseLabelSchema, validateLabelValues } from "@/server/items/label-values";
import { lockQueueItem } from "@/server/items/queries";
import type { LabelValues } from "@/server/labels/answer-values";
import { InvalidStateError, NotFoundError, ValidationError } from "@/server/lib/errors";
import type { ProjectActor } from "@/server/auth/actor";
import type { LabelSchema, QueueItemState } from "@/server/queues/schema";
import { applyQualityGate } from "@/server/gold-items/gate-service";
import { gradeGoldCheckAnswer } from "@/server/gold-items/serving-service";
import { resolveItem } from "@/server/resolution/service";
import { emitWebhookEvent } from "@/server/webhooks/outbox";
import { countSubmission, endLeaseOnFinishedItem, releaseDecoySeat } from "./claim-queries";
import { findAnnotationIdByAssignment, findOwnAssignment, findSubmittingAssignment, insertAnnotation, markAssignmentSubmitted } from "./queries";
import type { SubmitAnnotationInput } from "./schema";

export type SubmitResult = { annotationId: number; alreadySubmitted: boolean; itemState: QueueItemState };

/** What the submit transaction returns when the item no longer takes the answer: the lease is ended, and the caller told. */
const FINISHED_ITEM = Symbol("finished item");

/**
 * Records the caller's answer. Idempotent per assignment: a repeat returns the first answer. A lease that
 * expired still counts while the item has room for it. The answer to the item's last seat (k, plus the
 * extra seats adaptive overlap granted) resolves the item in the same transaction, so an item is never
 * left with all its answers and no outcome. An answer to a decoy is kept with
 * what was shown but never counts toward the k: its seat goes back for another annotator. A gold-check
 * answer is graded against the known answer, runs the queue's quality gate and touches nothing else.
 */
/**
 * The answer's values checked against the queue's label as it is now. When the lead changed the label
 * after the page showed it and the answer no longer fits, the refusal names `schemaVersion`, so the page
 * shows the new label rather than a field it never showed.
 */
function checkAgainstCurrentLabel(labelSchema: LabelSchema, input: SubmitAnnotationInput, currentVersion: number): LabelValues {
  try {
    return validateLabelValues(labelSchema, input.values);
  } catch (error) {
    if (!(error instanceof ValidationError) || input.schemaVersion === undefined || input.schemaVersion === currentVersion) throw error;
    throw new InvalidStateError(`the lead changed this queue's label to version ${currentVersion} while you answered; check your answer against it`, {
      field: "schemaVersion",
    });
  }
}

export async function submitAnnotation(db: Kysely<DB>, actor: ProjectActor, input: SubmitAnnotationInput): Promise<SubmitResult> {
  const { projectId } = actor;
  const own = await findOwnAssignment(db, { projectId, assignmentId: input.assignmentId, userId: actor.userId });
  if (!own) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
  if (own.mode === "collaborative") throw new InvalidStateError("this queue is collaborative: approve the shared answer", { field: "assignmentId" });
  const labelSchema = parseLabelSchema(own.labelSchema);
  const values = checkAgainstCurrentLabel(labelSchema, input, own.schemaVersion);
  checkOptionalParts(labelSchema, input);
  // Read before the item is locked, so the lock is held for a few short statements only.
  const correction = labelSchema.allowCorrection
    ? snapshotCorrection(
        await readDocumentText(db, { projectId, documentKey: correctionDocumentKey(own.id), correctionState: input.correctionState }),
        conversationToText(own.output),
      )
    : null;

  const result = await db.transaction().execute(async (trx): Promise<SubmitResult | typeof FINISHED_ITEM> => {
    const item = await lockQueueItem(trx, projectId, own.queueItemId);
    if (!item) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
    // Re-read under the item lock: claims, skips, reaping and other submits change assignments only while holding it.
    const assignment = await findSubmittingAssignment(trx, projectId, own.id);
    let isRevived = false;
    switch (assignment.state) {
      case "submitted": {
        const annotationId = await findAnnotationIdByAssignment(trx, projectId, own.id);
        if (annotationId === undefined) throw new InvalidStateError("this submission is missing its answer");
        return { annotationId, alreadySubmitted: true, itemState: item.state };
      }
      case "skipped":
        throw new InvalidStateError("you skipped this item", { field: "assignmentId" });
      case "expired": {
        // Decoy and gold-check answers take no seat, so they need no room.
        if (assignment.isDecoy || assignment.isGoldCheck) {
          isRevived = true;
          break;
        }
        const hasRoom = (item.state === "pending" || item.state === "in_review") && item.assignedCount < own.overlap + item.extraSeats;
        if (!hasRoom) throw new InvalidStateError("your lease expired and the item was given to someone else", { field: "assignmentId" });
        isRevived = true;
        break;
      }
      case "active":
        // A lease can outlive its item's need for it: a lowered k, or the seats' answers arriving first.
        // An item that has its outcome (gold, or a lead deciding) takes no more production answers.
        if (!assignment.isDecoy && !assignment.isGoldCheck && item.state !== "pending" && item.state !== "in_review") {
          await endLeaseOnFinishedItem(trx, { projectId, assignmentId: own.id, queueItemId: item.id });
          return FINISHED_ITEM;
        }
        break;
    }
    const annotationId = await insertAnnotation(trx, {
      projectId,
      queueItemId: item.id,
      assignmentId: own.id,
      annotatorId: actor.userId,
      values,
      note: input.note || null,
      correction,
      schemaVersion: own.schemaVersion,
      timeSpentMs: input.timeSpentMs ?? null,
      shownSuggestion: assignment.shownSuggestion,
      wasDecoy: assignment.isDecoy,
      goldCheckCorrect: assignment.isGoldCheck ? await gradeGoldCheckAnswer(trx, projectId, own.id, values) : null,
    });
    await markAssignmentSubmitted(trx, projectId, own.id);
    await emitWebhookEvent(trx, { projectId, type: "annotation.submitted", data: { annotationId, queueItemId: item.id, queueId: own.queueId, outputId: own.outputId } });
    if (assignment.isGoldCheck) {
      await applyQualityGate(trx, { projectId, queueId: own.queueId, annotatorId: actor.userId });
      return { annotationId, alreadySubmitted: false, itemState: item.state };
    }
    if (assignment.isDecoy) {
      // A revived lease gave its seat back when it was reaped.
      const released = await releaseDecoySeat(trx, { projectId, queueItemId: item.id, isReleasing: !isRevived });
      return { annotationId, alreadySubmitted: false, itemState: released.state };
    }
    const counted = await countSubmission(trx, { projectId, queueItemId: item.id, isRevived });
    // The item's last seat (k plus any extra seats a disagreement asked for) resolves it.
    const isLastSeat = counted.submittedCount >= own.overlap + item.extraSeats;
    const itemState = isLastSeat ? (await resolveItem(trx, projectId, item.id)).itemState : counted.state;
    return { annotationId, alreadySubmitted: false, itemState };
  });
  // Thrown after the commit, so the lease it ended stays ended.
  if (result === FINISHED_ITEM) throw new InvalidStateError("this item got its answers from others first; take the next item", { field: "assignmentId" });
  return result;
}
