import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectActor } from "@/server/auth/actor";
import { InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { findArchivedQueue, listArchivedQueues, queueExists, setQueueArchived } from "./archive-queries";

/**
 * Archives or restores a queue (audited). An archived queue takes no new outputs and serves no claims; its
 * items, answers and gold stay, datasets keep reading its gold, and answers already being written may still
 * be submitted. Restoring puts it back as it was: outputs ingested meanwhile can be added with a backfill.
 */
export async function setArchived(db: Kysely<DB>, actor: ProjectActor, queueId: string, isArchived: boolean) {
  return db.transaction().execute(async (trx) => {
    const changed = await setQueueArchived(trx, actor.projectId, queueId, isArchived);
    if (!changed) {
      if (!(await queueExists(trx, actor.projectId, queueId))) throw new NotFoundError("no queue with this id in the project", { field: "queueId" });
      throw new InvalidStateError(isArchived ? "this queue is archived already" : "this queue is not archived", { field: "queueId" });
    }
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: isArchived ? "queue.archived" : "queue.restored",
      targetType: "queue",
      targetId: queueId,
      data: { name: changed.name },
    });
    return { id: changed.id, isArchived };
  });
}

export async function listProjectArchivedQueues(db: Kysely<DB>, actor: ProjectActor) {
  const queues = await listArchivedQueues(db, actor.projectId);
  return queues.map((queue) => ({ ...queue, items: Number(queue.items ?? 0), gold: Number(queue.gold ?? 0) }));
}

/** An archived queue's name and when it was archived, so its pages can say it is archived rather than 404. */
export async function getArchivedQueue(db: Kysely<DB>, actor: ProjectActor, queueId: string) {
  const queue = await findArchivedQueue(db, actor.projectId, queueId);
  if (!queue) throw new NotFoundError("no archived queue with this id in the project", { field: "queueId" });
  return queue;
}
