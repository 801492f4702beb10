import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { correctionDocumentKey } from "@/server/collab/schema";
import { pausedError } from "@/server/gold-items/gate-service";
import { applyClaimRules, isGoldCheck } from "@/server/gold-items/serving-service";
import type { Suggestion } from "@/server/ingest/schema";
import { conversationToText } from "@/server/items/conversation-text";
import { parseLabelSchema } from "@/server/items/label-values";
import { toItemOutput, type ItemOutput } from "@/server/items/output";
import { countProjectMembers, findAssignmentOwner, listOutputSignals, lockQueueItem } from "@/server/items/queries";
import type { AssignmentState } from "@/server/items/states";
import { ConflictError, InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/pg-errors";
import type { ProjectActor } from "@/server/auth/actor";
import type { LabelSchema } from "@/server/queues/schema";
import { claimQueueItem, countSkip, extendLease, hasClaimableItem, reapExpiredLeases, type ClaimOutcome, type ClaimParams } from "./claim-queries";
import {
  findAssignmentState,
  findItemSuggestion,
  findOwnActiveAssignmentId,
  findOwnAssignment,
  findReviewQueue,
  itemHasDecoy,
  listMySettledItems,
  markAssignmentSkipped,
  recordShownSuggestion,
} from "./queries";
import type { ClaimNextInput, SkipAssignmentInput } from "./schema";
import { chooseShownSuggestion, showableSuggestion, toTaskSuggestion } from "./suggestion";

/**
 * What the review page needs for one assignment. Blind: nothing here comes from other annotators.
 * `suggestion` is what to pre-select; a decoy looks exactly like a real one, and nothing says which it is.
 */
export type ReviewTask = {
  assignment: { id: number; queueItemId: number; state: AssignmentState; leaseExpiresAt: Date };
  queue: { id: string; name: string; instructions: string; labelSchema: LabelSchema; schemaVersion: number; leaseSeconds: number; mode: string };
  output: ItemOutput;
  signals: Array<{ kind: string; value: number | null; comment: string | null; occurredAt: Date }>;
  originalText: string;
  correctionDocumentKey: string | null;
  suggestion: Suggestion | null;
};

// A claim finds nothing free only at the tail of a queue, when the last items are briefly locked by
// other people's claims and submits (or, rarer, by the caller's own claim in another tab).
const MAX_CLAIM_ATTEMPTS = 4;
const CLAIM_RETRY_DELAY_MS = 20;

/** One of the caller's assignments as a review task; NotFound for anyone else's, so ids leak nothing. */
export async function getReviewTask(db: Kysely<DB>, actor: ProjectActor, assignmentId: number): Promise<ReviewTask> {
  const row = await findOwnAssignment(db, { projectId: actor.projectId, assignmentId, userId: actor.userId });
  if (!row) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
  const labelSchema = parseLabelSchema(row.labelSchema);
  return {
    assignment: { id: row.id, queueItemId: row.queueItemId, state: row.state, leaseExpiresAt: row.leaseExpiresAt },
    queue: { id: row.queueId, name: row.queueName, instructions: row.instructions, labelSchema, schemaVersion: row.schemaVersion, leaseSeconds: row.leaseSeconds, mode: row.mode },
    output: toItemOutput(row),
    signals: await listOutputSignals(db, actor.projectId, row.outputId),
    originalText: conversationToText(row.output),
    correctionDocumentKey: labelSchema.allowCorrection ? correctionDocumentKey(row.id) : null,
    suggestion: toTaskSuggestion(row.shownSuggestion),
  };
}

/**
 * Decides what a new assignment of a queue showing suggestions pre-selects: the output's suggestion where
 * it fits the queue's fields, or a decoy at the queue's decoy rate. Right after the claim, outside its
 * statement, so claiming stays one short statement; it writes once, so a repeat changes nothing.
 */
async function showSuggestion(
  db: Kysely<DB>,
  projectId: string,
  queue: { labelSchema: unknown; decoyRate: number; overlap: number },
  claimed: { assignmentId: number; queueItemId: number },
) {
  const labelSchema = parseLabelSchema(queue.labelSchema);
  const suggestion = showableSuggestion(labelSchema, await findItemSuggestion(db, projectId, claimed.queueItemId));
  if (!suggestion) return;
  const shown = chooseShownSuggestion(labelSchema, suggestion, queue.decoyRate, claimed.assignmentId);
  if (!shown.isDecoy) return recordShownSuggestion(db, projectId, claimed.assignmentId, shown);
  // A decoy answer takes no seat, so its item needs one annotator more than k. One decoy per item, and
  // only where the project has that many people, or the item could never reach k counted answers.
  await db.transaction().execute(async (trx) => {
    const item = await lockQueueItem(trx, projectId, claimed.queueItemId);
    const seats = queue.overlap + (item?.extraSeats ?? 0);
    const roomForDecoy = !(await itemHasDecoy(trx, projectId, claimed.queueItemId)) && (await countProjectMembers(trx, projectId)) > seats;
    await recordShownSuggestion(trx, projectId, claimed.assignmentId, roomForDecoy ? shown : { suggestion, isDecoy: false });
  });
}

async function claimOnce(db: Kysely<DB>, params: ClaimParams): Promise<ClaimOutcome> {
  try {
    return await claimQueueItem(db, params);
  } catch (error) {
    // ON CONFLICT makes a unique violation all but impossible; should one surface, the statement failed as
    // a whole, so nothing was counted and running it again is safe.
    if (!isUniqueViolation(error)) throw error;
    return claimQueueItem(db, params);
  }
}

/**
 * The caller's next task in a queue: their oldest live assignment not already on screen, else a newly
 * leased item (expired leases of the queue are reaped first). Null when nothing is left for them.
 */
export async function claimNext(db: Kysely<DB>, actor: ProjectActor, input: ClaimNextInput): Promise<ReviewTask | null> {
  const queue = await findReviewQueue(db, { projectId: actor.projectId, queueId: input.queueId, userId: actor.userId });
  if (!queue) throw new NotFoundError("no such queue", { field: "queueId" });
  if (queue.pauseReason) throw pausedError(queue.pauseReason);
  const excludeIds = input.excludeAssignmentIds ?? [];
  const mine = await findOwnActiveAssignmentId(db, { projectId: actor.projectId, queueId: queue.id, userId: actor.userId, excludeIds });
  if (mine !== undefined) return getReviewTask(db, actor, mine);
  if (queue.archivedAt) return null;

  await reapExpiredLeases(db, { projectId: actor.projectId, queueId: queue.id });
  const params = { projectId: actor.projectId, queueId: queue.id, userId: actor.userId, overlap: queue.overlap, leaseSeconds: queue.leaseSeconds };
  const goldCheck = await applyClaimRules(db, actor, queue, () => hasClaimableItem(db, params));
  if (goldCheck) {
    // Shown like production work would be (never a decoy: a decoy's seat logic is about production seats).
    if (queue.suggestionDisplay === "preselected") await showSuggestion(db, actor.projectId, { ...queue, decoyRate: 0 }, goldCheck);
    return getReviewTask(db, actor, goldCheck.assignmentId);
  }
  for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt += 1) {
    const outcome = await claimOnce(db, params);
    if (outcome.kind === "claimed") {
      if (queue.suggestionDisplay === "preselected") await showSuggestion(db, actor.projectId, queue, outcome);
      return getReviewTask(db, actor, outcome.assignmentId);
    }
    // SKIP LOCKED also passes over items someone is submitting on right now, which may still have room.
    // Report the queue done only when nothing is left even counting those.
    if (outcome.kind === "empty" && !(await hasClaimableItem(db, params))) return null;
    await new Promise((done) => setTimeout(done, CLAIM_RETRY_DELAY_MS * attempt));
  }
  throw new ConflictError("the items left are being worked on right now; try again in a moment");
}

function describeClosedAssignment(state: AssignmentState): string {
  switch (state) {
    case "active":
      return "this assignment is active";
    case "submitted":
      return "you already submitted this item";
    case "skipped":
      return "you skipped this item";
    case "expired":
      return "your lease on this item expired; take the next item";
  }
}

/** Extends the caller's lease by the queue's lease length. */
export async function heartbeat(db: Kysely<DB>, actor: ProjectActor, assignmentId: number): Promise<{ leaseExpiresAt: Date }> {
  const extended = await extendLease(db, { projectId: actor.projectId, assignmentId, userId: actor.userId });
  if (extended) return extended;
  const owner = await findAssignmentOwner(db, actor.projectId, assignmentId);
  if (owner?.annotatorId !== actor.userId) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
  throw new InvalidStateError(describeClosedAssignment(owner.state), { field: "assignmentId" });
}

/** Gives an item back with a reason; the caller is never offered it again. Repeating a skip is a no-op. */
export async function skipAssignment(db: Kysely<DB>, actor: ProjectActor, input: SkipAssignmentInput): Promise<{ ok: true }> {
  const owner = await findAssignmentOwner(db, actor.projectId, input.assignmentId);
  if (owner?.annotatorId !== actor.userId) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
  await db.transaction().execute(async (trx) => {
    if (!(await lockQueueItem(trx, actor.projectId, owner.queueItemId))) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
    const state = await findAssignmentState(trx, actor.projectId, input.assignmentId);
    switch (state) {
      case undefined:
        throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
      case "skipped":
        return;
      case "submitted":
        throw new InvalidStateError(describeClosedAssignment(state), { field: "assignmentId" });
      case "active":
      case "expired":
        await markAssignmentSkipped(trx, actor.projectId, input.assignmentId, input.detail ? `${input.reason}: ${input.detail}` : input.reason);
        // A gold check held no seat and must not count toward the item's skips.
        if (await isGoldCheck(trx, actor.projectId, input.assignmentId)) return;
        // An expired lease already gave its place back when it was reaped.
        await countSkip(trx, { projectId: actor.projectId, queueItemId: owner.queueItemId, isReleasing: state === "active" });
    }
  });
  return { ok: true };
}

/** Items the caller answered that are now resolved or in conflict, for following adjudication. */
export async function listMyItems(db: Kysely<DB>, actor: ProjectActor) {
  return listMySettledItems(db, actor.projectId, actor.userId);
}
