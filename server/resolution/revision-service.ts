import type { Kysely } from "kysely";
import type { DB, Json } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { conversationToText } from "@/server/items/conversation-text";
import { hasSubmittedOnItem, lockQueueItem } from "@/server/items/queries";
import { ConflictError, InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/pg-errors";
import type { ProjectActor } from "@/server/auth/actor";
import { findCurrentGold } from "./queries";
import { closeReopening, findOpenReopening, insertReopening, listGoldHistory, setItemState } from "./revision-queries";
import type { ReopenGoldInput } from "./schema";
import { loadItem } from "./service";

/**
 * Reopens an item's gold for revision: the item goes back to the leads' conflict list, marked as a revision
 * with the reason, while its gold stays current (and in datasets) until a new one is finalized.
 */
export async function reopenGold(db: Kysely<DB>, actor: ProjectActor, input: ReopenGoldInput) {
  try {
    return await db.transaction().execute(async (trx) => {
      const item = await lockQueueItem(trx, actor.projectId, input.queueItemId);
      if (!item) throw new NotFoundError("no such item", { field: "queueItemId" });
      const open = await findOpenReopening(trx, actor.projectId, item.id);
      if (open) throw new ConflictError(`${open.requestedByName ?? "a lead"} already reopened this gold for revision`, { field: "queueItemId" });
      const gold = await findCurrentGold(trx, actor.projectId, item.id);
      if (item.state !== "resolved" || !gold) throw new InvalidStateError("only an item with gold can be revised; this one has none yet", { field: "queueItemId" });
      const reopening = await insertReopening(trx, { projectId: actor.projectId, queueItemId: item.id, goldLabelId: gold.id, reason: input.reason, requestedBy: actor.userId });
      await setItemState(trx, actor.projectId, item.id, "conflict");
      await insertAuditEntry(trx, {
        projectId: actor.projectId,
        actorUserId: actor.userId,
        action: "gold.reopened",
        targetType: "gold_label",
        targetId: String(gold.id),
        data: { queueItemId: item.id, reason: input.reason },
      });
      return { reopeningId: reopening.id };
    });
  } catch (error) {
    if (!isUniqueViolation(error, "gold_reopenings_open_item_key")) throw error;
    throw new ConflictError("another lead reopened this gold for revision at the same moment", { field: "queueItemId", cause: error });
  }
}

/** Withdraws a reopening: the item is resolved again with the gold it had, and nothing else changes. */
export async function cancelReopen(db: Kysely<DB>, actor: ProjectActor, input: { queueItemId: number }) {
  await db.transaction().execute(async (trx) => {
    const item = await lockQueueItem(trx, actor.projectId, input.queueItemId);
    if (!item) throw new NotFoundError("no such item", { field: "queueItemId" });
    const open = await findOpenReopening(trx, actor.projectId, item.id);
    if (!open) throw new InvalidStateError("this item's gold is not reopened for revision", { field: "queueItemId" });
    await closeReopening(trx, actor.projectId, open.id, "cancelled");
    await setItemState(trx, actor.projectId, item.id, "resolved");
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "gold.reopen_cancelled",
      targetType: "gold_label",
      targetId: String(open.goldLabelId),
      data: { queueItemId: item.id, reason: open.reason },
    });
  });
  return { queueItemId: input.queueItemId };
}

/**
 * Every gold an item has had, newest first, and the open reopening if any. Leads see any item's history;
 * an annotator only that of an item they answered (NotFound otherwise, as for the shared page).
 */
export async function getGoldHistory(db: Kysely<DB>, actor: ProjectActor & { role: ProjectRole }, queueItemId: number) {
  const isLead = hasAnyRole(actor.role, ["lead"]);
  if (!isLead && !(await hasSubmittedOnItem(db, { projectId: actor.projectId, queueItemId, userId: actor.userId }))) {
    throw new NotFoundError("no such item", { field: "queueItemId" });
  }
  const item = await loadItem(db, actor.projectId, queueItemId);
  const [history, reopening] = await Promise.all([listGoldHistory(db, actor.projectId, queueItemId), findOpenReopening(db, actor.projectId, queueItemId)]);
  return {
    originalText: conversationToText(item.output),
    canRevise: isLead,
    reopening: reopening ? { reason: reopening.reason, requestedByName: reopening.requestedByName, requestedAt: reopening.requestedAt, goldLabelId: reopening.goldLabelId } : null,
    golds: history.map((gold) => ({ ...gold, values: gold.values as Record<string, Json> })),
  };
}
