import type { Kysely } from "kysely";
import type { DB, Json } from "@/db/types";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { goldDocumentKey, sharedDocumentKey } from "@/server/collab/schema";
import { readSharedDocument } from "@/server/collab/shared-document";
import { conversationToText } from "@/server/items/conversation-text";
import { keepValidValues, parseLabelSchema } from "@/server/items/label-values";
import type { LabelSchema } from "@/server/queues/schema";
import { toItemOutput } from "@/server/items/output";
import { hasSubmittedOnItem, listOutputSignals } from "@/server/items/queries";
import { NotFoundError } from "@/server/lib/errors";
import type { ProjectActor } from "@/server/auth/actor";
import { loadItem } from "./service";
import { findCurrentGold, listConflictItems, listSubmittedAnnotations } from "./queries";
import { findOpenReopening } from "./revision-queries";

async function loadGold(db: Kysely<DB>, projectId: string, queueItemId: number) {
  const gold = await findCurrentGold(db, projectId, queueItemId);
  return gold
    ? { values: gold.values as Record<string, Json>, correction: gold.correction, method: gold.method, resolvedByName: gold.resolvedByName, note: gold.note }
    : null;
}

/**
 * A collaborative item's shared answer and correction as they stand (null when nobody wrote any), so a
 * lead deciding an escalated item starts from what its annotators wrote together.
 */
async function loadSharedAnswer(db: Kysely<DB>, projectId: string, queueItemId: number, labelSchema: LabelSchema, originalText: string) {
  const content = await readSharedDocument(db, { projectId, documentKey: sharedDocumentKey(queueItemId) });
  const values = keepValidValues(labelSchema, content.answer);
  const correction = content.text !== null && content.text !== originalText ? content.text : null;
  return Object.keys(values).length > 0 || correction !== null ? { values, correction } : null;
}

/** Items waiting for a lead, oldest first. */
export async function listConflicts(db: Kysely<DB>, projectId: string, queueId?: string) {
  return listConflictItems(db, projectId, queueId);
}

/** Everything a lead needs to adjudicate an item: every answer side by side, and any gold so far. */
export async function getConflict(db: Kysely<DB>, projectId: string, queueItemId: number) {
  const item = await loadItem(db, projectId, queueItemId);
  // Leads also annotate: answers of an item still in review would let them anchor on others before claiming it.
  if (item.state !== "conflict" && item.state !== "resolved") throw new NotFoundError("this item has no conflict to adjudicate", { field: "queueItemId" });
  const labelSchema = parseLabelSchema(item.labelSchema);
  const originalText = conversationToText(item.output);
  const [annotations, signals, reopening, sharedAnswer] = await Promise.all([
    listSubmittedAnnotations(db, projectId, queueItemId),
    listOutputSignals(db, projectId, item.outputId),
    findOpenReopening(db, projectId, queueItemId),
    item.mode === "collaborative" ? loadSharedAnswer(db, projectId, queueItemId, labelSchema, originalText) : null,
  ]);
  return {
    item: { id: item.id, state: item.state, reasons: item.conflictReasons },
    queue: { id: item.queueId, name: item.queueName, labelSchema, instructions: item.instructions },
    output: toItemOutput(item),
    signals,
    originalText,
    sharedAnswer,
    annotations: annotations.map(({ annotatorId, annotatorName, values, note, correction, submittedAt }) => ({
      annotatorId,
      annotatorName,
      values: values as Record<string, Json>,
      note,
      correction,
      submittedAt,
    })),
    goldDocumentKey: goldDocumentKey(item.id),
    gold: await loadGold(db, projectId, queueItemId),
    // A reopened item is in conflict while its old gold stays current: the lead is revising that gold.
    revision: reopening ? { reason: reopening.reason, requestedByName: reopening.requestedByName, requestedAt: reopening.requestedAt } : null,
  };
}

/**
 * The shared gold document's page, for a lead or an annotator who answered the item. Blind: no answers,
 * and no conflict reasons (they name the split) for annotators. NotFound for anyone else.
 */
export async function getShared(db: Kysely<DB>, actor: ProjectActor & { role: ProjectRole }, queueItemId: number) {
  const isLead = hasAnyRole(actor.role, ["lead"]);
  if (!isLead && !(await hasSubmittedOnItem(db, { projectId: actor.projectId, queueItemId, userId: actor.userId }))) {
    throw new NotFoundError("no such item", { field: "queueItemId" });
  }
  const item = await loadItem(db, actor.projectId, queueItemId);
  return {
    item: { id: item.id, state: item.state, reasons: isLead ? item.conflictReasons : [] },
    queue: { id: item.queueId, name: item.queueName, labelSchema: parseLabelSchema(item.labelSchema), instructions: item.instructions },
    output: toItemOutput(item),
    originalText: conversationToText(item.output),
    goldDocumentKey: goldDocumentKey(item.id),
    // The gold document is edited while the item waits for a lead; once it is resolved it is a record.
    canEdit: item.state === "conflict",
    gold: await loadGold(db, actor.projectId, queueItemId),
  };
}
