import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntries } from "@/server/audit/queries";
import { NotFoundError } from "@/server/lib/errors";
import { notifyMembershipChanged } from "@/server/members/membership-changes";
import { listProjectMembers } from "@/server/members/service";
import { countEndUserData, deleteEndUserData, lockReleaseRowsForErasure, tombstoneReleaseRows } from "./erasure-queries";
import type { ErasureCounts } from "./schema";

/** Who erases: an admin member (tRPC, CLI without a user) or an admin API key (REST). */
export type ErasureActor = { projectId: string; userId: string | null; apiKeyId?: string | null };

export type ErasureResult = {
  endUserId: string;
  deleted: ErasureCounts;
  /** Frozen releases whose rows of this end user became tombstones. */
  releases: { dataset: string; release: number; rows: number }[];
};

/**
 * The audit log outlives the erasure, so it records the end user's id only hashed with the project id: the
 * same id gives the same hash (a support desk can confirm an erasure of a known id), and the log holds the
 * id itself nowhere.
 */
function endUserFingerprint(projectId: string, endUserId: string): string {
  return createHash("sha256").update(`${projectId}:${endUserId}`).digest("hex").slice(0, 32);
}

/** What erasing the end user would delete now, for the confirm dialog. */
export async function previewEndUserErasure(db: Kysely<DB>, projectId: string, endUserId: string): Promise<ErasureCounts> {
  return countEndUserData(db, projectId, endUserId);
}

/** Throws NotFound when the counts show nothing of the end user, so a typo is never reported as done. */
export function assertEndUserIsStored(endUserId: string, counts: Pick<ErasureCounts, "outputs" | "signals">): void {
  if (counts.outputs === 0 && counts.signals === 0) {
    throw new NotFoundError(`no outputs or signals of end user "${endUserId}" in this project (already erased, or never sent)`, { field: "end_user_id" });
  }
}

/**
 * Erases an end user in one transaction: their outputs, signals, queue items, assignments, annotations,
 * gold labels and checks, and collaboration documents are deleted, and their frozen release rows become
 * tombstones (the one audited exception to release immutability). Throws NotFound when the project holds
 * nothing of this end user, so a typo is not reported as a successful erasure.
 */
export async function eraseEndUser(db: Kysely<DB>, actor: ErasureActor, endUserId: string): Promise<ErasureResult> {
  return db.transaction().execute(async (trx) => {
    await lockReleaseRowsForErasure(trx);
    const deleted = await countEndUserData(trx, actor.projectId, endUserId);
    assertEndUserIsStored(endUserId, deleted);
    const releases = await tombstoneReleaseRows(trx, actor.projectId, endUserId);
    await deleteEndUserData(trx, actor.projectId, endUserId);
    if (deleted.assignments > 0) {
      // An editor still open on an erased item would keep appending its text. At commit every process
      // re-checks the open collaboration connections of these people, and refuses those whose item is gone.
      for (const member of await listProjectMembers(trx, actor.projectId)) await notifyMembershipChanged(trx, { projectId: actor.projectId, userId: member.userId });
    }
    const fingerprint = endUserFingerprint(actor.projectId, endUserId);
    const auditActor = { projectId: actor.projectId, actorUserId: actor.userId, actorApiKeyId: actor.apiKeyId ?? null };
    await insertAuditEntries(trx, [
      { ...auditActor, action: "end_user.erased", targetType: "end_user", targetId: fingerprint, data: { endUserFingerprint: fingerprint, deleted } },
      ...releases.map((release) => ({
        ...auditActor,
        action: "release.rows_erased",
        targetType: "dataset_release",
        targetId: String(release.releaseId),
        data: { dataset: release.datasetSlug, release: release.release, rows: release.rows, endUserFingerprint: fingerprint },
      })),
    ]);
    return { endUserId, deleted, releases: releases.map(({ datasetSlug, release, rows }) => ({ dataset: datasetSlug, release, rows })) };
  });
}
