import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectActor } from "@/server/auth/actor";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { insertManualQueueItems, lockOpenQueueForAdd, selectQueueCandidates } from "./manual-queue-queries";
import type { AddOutputsToQueueInput, ManualSkipReason } from "./schema";

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds outputs a lead picked to a queue (provenance `manual`, audited). Never queued: outputs without
 * consent, outputs once removed from this queue, outputs already in it, and content the queue already
 * holds; each comes back with its reason. Selected ids outside the project are a 404 and add nothing, and
 * outputs without candidates are refused by a pairwise queue (nothing to compare), adding nothing.
 */
export async function addOutputsToQueue(db: Kysely<DB>, actor: ProjectActor, input: AddOutputsToQueueInput) {
  return db.transaction().execute(async (trx) => {
    const queue = await lockOpenQueueForAdd(trx, actor.projectId, input.queueId);
    if (!queue) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
    const candidates = await selectQueueCandidates(trx, actor.projectId, input.queueId, input.outputIds);
    if (candidates.length !== input.outputIds.length) throw new NotFoundError("some selected outputs are not in this project", { field: "outputIds" });
    const single = candidates.filter((candidate) => !candidate.hasCandidates).map((candidate) => candidate.id);
    if (queue.comparesCandidates && single.length > 0) {
      throw new ValidationError(
        `${queue.name} compares candidates, and output${single.length === 1 ? "" : "s"} ${single.slice(0, 5).join(", ")}${single.length > 5 ? ", …" : ""} ` +
          `${single.length === 1 ? "has" : "have"} one output; send two or more outputs for one input as candidates to compare them`,
        { field: "outputIds" },
      );
    }

    const skipped: { outputId: number; reason: ManualSkipReason }[] = [];
    const eligible: { id: number; contentHash: string }[] = [];
    for (const candidate of candidates) {
      if (!candidate.consent) skipped.push({ outputId: candidate.id, reason: "no_consent" });
      else if (candidate.wasRemoved) skipped.push({ outputId: candidate.id, reason: "removed_from_queue" });
      else if (candidate.isQueued) skipped.push({ outputId: candidate.id, reason: "already_in_queue" });
      else eligible.push(candidate);
    }
    // Content order, as sampling inserts: concurrent writers take the unique-index locks in one order and cannot deadlock.
    eligible.sort((a, b) => compareText(a.contentHash, b.contentHash) || a.id - b.id);
    const added = new Set((await insertManualQueueItems(trx, { projectId: actor.projectId, queueId: queue.id, outputs: eligible })).map((row) => Number(row.outputId)));
    for (const output of eligible) if (!added.has(output.id)) skipped.push({ outputId: output.id, reason: "same_content_in_queue" });

    const addedIds = eligible.filter((output) => added.has(output.id)).map((output) => output.id);
    // Only a change is audited: a selection that added nothing left the queue as it was.
    if (addedIds.length > 0) {
      await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "queue.outputs_added",
      targetType: "queue",
      targetId: queue.id,
      data: { queue: queue.name, added: addedIds, skipped },
      });
    }
    return { queueId: queue.id, queueName: queue.name, added: addedIds, skipped };
  });
}
