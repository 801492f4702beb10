import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectActor } from "@/server/auth/actor";
import type { LabelValues } from "@/server/labels/answer-values";
import { NotFoundError } from "@/server/lib/errors";
import { openConflict } from "@/server/resolution/service";
import { findActiveUserById } from "@/server/users/queries";
import { endItemLeases } from "./claim-queries";
import { listItemApprovals } from "./shared-queries";
import type { EscalateSharedItemInput } from "./shared-schema";
import { buildSnapshotKey } from "./shared-snapshot";
import { findOwnSharedAssignment, lockOpenSeat } from "./shared-service";

/** What the lead reads first: who asked and why, then how far the approvals got. */
function escalationReasons(askedBy: string, reason: string, approvals: { values: LabelValues; correction: string | null }[], needed: number): string[] {
  const versions = new Set(approvals.map((approval) => buildSnapshotKey(approval.values, approval.correction))).size;
  const approved =
    approvals.length === 0 ? "nobody approved a version" : `${approvals.length} of ${needed} approved, ${versions === 1 ? "one version" : `${versions} different versions`}`;
  return [`${askedBy} asked a lead: ${reason}`, approved];
}

/**
 * An annotator of a collaborative item hands it to a lead, when the annotators cannot agree on one version
 * (audited as `item.escalated`). The item goes to conflict with the reason, like a blind split: a lead
 * decides its gold on the adjudication page, starting from the shared answer as it stands. The seats still
 * leased end, so nobody keeps a lease on an item that takes no more approvals.
 */
export async function escalateSharedItem(db: Kysely<DB>, actor: ProjectActor, input: EscalateSharedItemInput) {
  const { projectId } = actor;
  const own = await findOwnSharedAssignment(db, actor, input.assignmentId);
  return db.transaction().execute(async (trx) => {
    const { item } = await lockOpenSeat(trx, projectId, own);
    const asker = await findActiveUserById(trx, actor.userId);
    if (!asker) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
    const reasons = escalationReasons(asker.name, input.reason, await listItemApprovals(trx, projectId, item.id), own.overlap);
    await endItemLeases(trx, { projectId, queueItemId: item.id });
    await openConflict(trx, projectId, { id: item.id, queueId: own.queueId, outputId: own.outputId }, reasons);
    await insertAuditEntry(trx, {
      projectId,
      actorUserId: actor.userId,
      action: "item.escalated",
      targetType: "queue_item",
      targetId: String(item.id),
      data: { queueId: own.queueId, reason: input.reason },
    });
    return { itemState: "conflict" as const, reasons };
  });
}
