import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectActor } from "@/server/auth/actor";
import { readDocumentText } from "@/server/collab/document-text";
import { correctionDocumentKey } from "@/server/collab/schema";
import { applyQualityGate } from "@/server/gold-items/gate-service";
import { gradeGoldCheckAnswer } from "@/server/gold-items/serving-service";
import { conversationToText } from "@/server/items/conversation-text";
import { snapshotCorrection } from "@/server/items/correction";
import { checkOptionalParts, parseLabelSchema, validateLabelValues } from "@/server/items/label-values";
import { lockQueueItem } from "@/server/items/queries";
import { InvalidStateError, NotFoundError } from "@/server/lib/errors";
import type { QueueItemState } from "@/server/queues/schema";
import { CHANGEABLE_ITEM_STATES, findOwnAnswer, listRecentAnswers, lockOwnAnswer, reviseAnswer } from "./answer-queries";
import { findOwnAssignment } from "./queries";
import type { EditAnswerInput } from "./schema";

/**
 * Whether an answer may still change. A gold-check answer always may (it decides nothing, and saying
 * otherwise would point it out); a production answer until its item reaches an outcome.
 */
const isChangeable = (answer: { isGoldCheck: boolean; itemState: QueueItemState }) => answer.isGoldCheck || CHANGEABLE_ITEM_STATES.includes(answer.itemState);

/** What the page says of an item: gold checks read as still collecting answers, as the production items around them do. */
const shownState = (answer: { isGoldCheck: boolean; itemState: QueueItemState }): QueueItemState => (answer.isGoldCheck ? "in_review" : answer.itemState);

/** The caller's latest answers in a queue, each with whether it may still change. */
export async function listMyRecentAnswers(db: Kysely<DB>, actor: ProjectActor, queueId: string) {
  const answers = await listRecentAnswers(db, { projectId: actor.projectId, queueId, userId: actor.userId });
  return answers.map(({ isGoldCheck, itemState, ...answer }) => ({ ...answer, itemState: shownState({ isGoldCheck, itemState }), isChangeable: isChangeable({ isGoldCheck, itemState }) }));
}

/** One of the caller's answers with its values, note and revision; NotFound for anyone else's. */
export async function getMyAnswer(db: Kysely<DB>, actor: ProjectActor, assignmentId: number) {
  const answer = await findOwnAnswer(db, { projectId: actor.projectId, assignmentId, userId: actor.userId });
  if (!answer) throw new NotFoundError("you have no answer on this assignment", { field: "assignmentId" });
  const { isGoldCheck, itemState, ...rest } = answer;
  return { ...rest, itemState: shownState({ isGoldCheck, itemState }), isChangeable: isChangeable({ isGoldCheck, itemState }) };
}

/**
 * Changes the caller's own answer while its item still collects answers (audited as `annotation.revised`):
 * the answer it replaces is kept as a revision, the correction is snapshotted again from the caller's
 * document, and a gold-check answer is graded again. Once the item is gold or with a lead, the answer is
 * final: a lead's revision of the gold is the way to change the outcome.
 */
export async function editMyAnswer(db: Kysely<DB>, actor: ProjectActor, input: EditAnswerInput) {
  const { projectId } = actor;
  const own = await findOwnAssignment(db, { projectId, assignmentId: input.assignmentId, userId: actor.userId });
  if (!own) throw new NotFoundError("you have no answer on this assignment", { field: "assignmentId" });
  // A collaborative answer is an approval of the shared answer; approving again is the way to change it.
  if (own.mode === "collaborative") throw new InvalidStateError("this queue is collaborative: approve the shared answer instead", { field: "assignmentId" });
  const labelSchema = parseLabelSchema(own.labelSchema);
  const values = validateLabelValues(labelSchema, input.values);
  checkOptionalParts(labelSchema, input);
  const correction = labelSchema.allowCorrection
    ? snapshotCorrection(await readDocumentText(db, { projectId, documentKey: correctionDocumentKey(own.id), correctionState: input.correctionState }), conversationToText(own.output))
    : null;
  return db.transaction().execute(async (trx) => {
    const item = await lockQueueItem(trx, projectId, own.queueItemId);
    const previous = await lockOwnAnswer(trx, { projectId, assignmentId: own.id, userId: actor.userId });
    if (!item || !previous || previous.state !== "submitted") throw new NotFoundError("you have no answer on this assignment", { field: "assignmentId" });
    if (!isChangeable({ isGoldCheck: previous.isGoldCheck, itemState: item.state })) {
      throw new InvalidStateError(
        item.state === "resolved" ? "this item is gold already; a lead can revise its gold" : "this item went to a lead, who decides it now",
        { field: "assignmentId" },
      );
    }
    const goldCheckCorrect = previous.isGoldCheck ? await gradeGoldCheckAnswer(trx, projectId, own.id, values) : null;
    const revision = await reviseAnswer(trx, {
      projectId,
      previous,
      next: { values, note: input.note || null, correction, schemaVersion: own.schemaVersion, goldCheckCorrect },
    });
    if (previous.isGoldCheck) await applyQualityGate(trx, { projectId, queueId: own.queueId, annotatorId: actor.userId });
    await insertAuditEntry(trx, {
      projectId,
      actorUserId: actor.userId,
      action: "annotation.revised",
      targetType: "annotation",
      targetId: String(previous.id),
      data: { queueItemId: own.queueItemId, queueId: own.queueId, revision, from: previous.values, to: values },
    });
    return { annotationId: previous.id, revision };
  });
}
