import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectActor } from "@/server/auth/actor";
import { InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { deleteQueueItem, insertRemovedOutput, lockQueueItemForRemoval } from "./item-removal-queries";
import type { RemoveQueueItemInput } from "./schema";

/**
 * Takes an item out of its queue for good (audited): the item and its unfinished answers go, and the
 * output is remembered as removed, so ingest, a late signal, a backfill or a hand never queue it there
 * again. An item with gold stays: its gold may be in releases, and revising the gold is the way to change it.
 */
export async function removeQueueItem(db: Kysely<DB>, actor: ProjectActor, input: RemoveQueueItemInput) {
  return db.transaction().execute(async (trx) => {
    const item = await lockQueueItemForRemoval(trx, actor.projectId, input.queueItemId);
    if (!item) throw new NotFoundError("no queue item with this id in the project", { field: "queueItemId" });
    if (item.hasGold) throw new InvalidStateError("this item has gold; reopen and revise the gold instead of removing the item", { field: "queueItemId" });
    await insertRemovedOutput(trx, { projectId: actor.projectId, queueId: item.queueId, outputId: item.outputId, removedBy: actor.userId, reason: input.reason });
    await deleteQueueItem(trx, actor.projectId, item.id);
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "queue.item_removed",
      targetType: "queue_item",
      targetId: String(item.id),
      data: { queueId: item.queueId, outputId: item.outputId, state: item.state, provenance: item.provenance, reason: input.reason },
    });
    return { queueId: item.queueId, outputId: item.outputId };
  });
}
