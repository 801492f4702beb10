import type { ProjectRole } from "@/db/types";
import type { Executor } from "@/db/executor";

export async function insertInvite(
  db: Executor,
  values: { projectId: string; role: ProjectRole; tokenHash: string; note: string | null; createdBy: string; expiresAt: Date },
) {
  return db
    .insertInto("invites")
    .values({
      project_id: values.projectId,
      role: values.role,
      token_hash: values.tokenHash,
      note: values.note,
      created_by: values.createdBy,
      expires_at: values.expiresAt,
    })
    .returning(["id", "role", "note", "expires_at as expiresAt", "created_at as createdAt"])
    .executeTakeFirstOrThrow();
}

/** Invites not yet accepted or revoked, expired ones included so admins can see and clear them. */
export async function listOpenInvites(db: Executor, projectId: string) {
  return db
    .selectFrom("invites")
    .leftJoin("users", "users.id", "invites.created_by")
    .select([
      "invites.id",
      "invites.role",
      "invites.note",
      "invites.created_at as createdAt",
      "invites.expires_at as expiresAt",
      "users.name as createdByName",
    ])
    .where("invites.project_id", "=", projectId)
    .where("invites.accepted_at", "is", null)
    .where("invites.revoked_at", "is", null)
    .orderBy("invites.created_at", "desc")
    .execute();
}

export async function findInviteByTokenHash(db: Executor, tokenHash: string, options: { lock?: boolean } = {}) {
  let query = db
    .selectFrom("invites")
    .innerJoin("projects", "projects.id", "invites.project_id")
    .leftJoin("users", "users.id", "invites.created_by")
    .select([
      "invites.id",
      "invites.project_id as projectId",
      "invites.role",
      "invites.expires_at as expiresAt",
      "invites.accepted_at as acceptedAt",
      "invites.revoked_at as revokedAt",
      "projects.name as projectName",
      "projects.slug as projectSlug",
      "users.name as invitedByName",
    ])
    .where("invites.token_hash", "=", tokenHash);
  if (options.lock) query = query.forUpdate("invites");
  return query.executeTakeFirst();
}

export async function markInviteAccepted(db: Executor, inviteId: string, userId: string): Promise<void> {
  await db.updateTable("invites").set({ accepted_at: new Date(), accepted_by: userId }).where("id", "=", inviteId).execute();
}

export async function revokeOpenInvite(db: Executor, projectId: string, inviteId: string): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ revoked_at: new Date() })
    .where("project_id", "=", projectId)
    .where("id", "=", inviteId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes a project's never-accepted invites that expired before `expiredBefore`. */
export async function deleteExpiredInvites(db: Executor, projectId: string, expiredBefore: Date): Promise<number> {
  const result = await db
    .deleteFrom("invites")
    .where("project_id", "=", projectId)
    .where("expires_at", "<", expiredBefore)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
