import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import { insertAuditEntry } from "@/server/audit/queries";
import { ConflictError, NotFoundError } from "@/server/lib/errors";
import { notifyMembershipChanged } from "./membership-changes";
import { deleteMembership, findMembership, listMembers, lockAdminUserIds, updateMembershipRole } from "./queries";
import type { ChangeMemberRoleInput, RemoveMemberInput } from "./schema";

/** The project's members with their roles. */
export async function listProjectMembers(db: Kysely<DB>, projectId: string) {
  return listMembers(db, projectId);
}

/** Changes a member's role; refuses to demote the project's last admin. */
export async function changeMemberRole(db: Kysely<DB>, actor: ProjectActor, input: ChangeMemberRoleInput) {
  return db.transaction().execute(async (trx) => {
    const adminIds = await lockAdminUserIds(trx, actor.projectId);
    const member = await findMembership(trx, actor.projectId, input.userId);
    if (!member) throw new NotFoundError("this person is not a member of the project", { field: "userId" });
    if (member.role === input.role) return { userId: input.userId, role: member.role };
    if (member.role === "admin" && adminIds.length === 1) {
      throw new ConflictError("a project needs at least one admin; make someone else admin first", { field: "role" });
    }
    await updateMembershipRole(trx, { projectId: actor.projectId, userId: input.userId, role: input.role });
    await notifyMembershipChanged(trx, { projectId: actor.projectId, userId: input.userId });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "member.role_changed",
      targetType: "user",
      targetId: input.userId,
      data: { from: member.role, to: input.role },
    });
    return { userId: input.userId, role: input.role };
  });
}

/** Removes a member. Their next request is refused (every request re-reads membership), and their open documents close. */
export async function removeMember(db: Kysely<DB>, actor: ProjectActor, input: RemoveMemberInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const adminIds = await lockAdminUserIds(trx, actor.projectId);
    const member = await findMembership(trx, actor.projectId, input.userId);
    if (!member) throw new NotFoundError("this person is not a member of the project", { field: "userId" });
    if (member.role === "admin" && adminIds.length === 1) {
      throw new ConflictError("a project needs at least one admin; make someone else admin first", { field: "userId" });
    }
    await deleteMembership(trx, actor.projectId, input.userId);
    await notifyMembershipChanged(trx, { projectId: actor.projectId, userId: input.userId });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "member.removed",
      targetType: "user",
      targetId: input.userId,
      data: { role: member.role },
    });
  });
}
