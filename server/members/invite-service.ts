import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { createSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import { InvalidStateError, NotFoundError, ValidationError } from "@/server/lib/errors";
import type { Mailer } from "@/server/mail/mailer";
import type { SessionUser } from "@/server/users/schema";
import { createPasswordUser } from "@/server/users/service";
import { findInviteByTokenHash, insertInvite, listOpenInvites, markInviteAccepted, revokeOpenInvite } from "./invite-queries";
import { insertMembership, findMembership } from "./queries";
import { composeInviteMail } from "./invite-mail";
import type { CreateInviteInput, RegisterWithInviteInput } from "./schema";
import type { ProjectActor } from "@/server/auth/actor";

export type InviteStatus = "valid" | "accepted" | "revoked" | "expired";

function statusOf(invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InviteStatus {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt < new Date()) return "expired";
  return "valid";
}

const statusMessages: Record<Exclude<InviteStatus, "valid">, string> = {
  accepted: "this invite link was already used; ask an admin for a new one",
  revoked: "this invite link was revoked; ask an admin for a new one",
  expired: "this invite link has expired; ask an admin for a new one",
};

/**
 * Creates a single-use invite link for a role. The link is returned once and only its digest is stored.
 * With an email and a mailer it is also sent; a failed send leaves the invite in place for copying.
 */
export async function createInvite(
  db: Kysely<DB>,
  actor: ProjectActor,
  input: CreateInviteInput,
  options: { publicUrl: string; mailer: Mailer | null },
) {
  if (input.email && !options.mailer) {
    throw new ValidationError("email sending is not configured on this server (SMTP_URL); copy the link instead", { field: "email" });
  }
  const { token, hash } = createSecretToken("inv");
  const invite = await db.transaction().execute(async (trx) => {
    const invite = await insertInvite(trx, {
      projectId: actor.projectId,
      role: input.role,
      tokenHash: hash,
      note: input.note || null,
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "invite.created",
      targetType: "invite",
      targetId: invite.id,
      data: { role: input.role, ...(input.email ? { emailedTo: input.email } : {}) },
    });
    return { ...invite, url: `${options.publicUrl}/invite/${token}` };
  });
  if (!input.email || !options.mailer) return { ...invite, emailStatus: "not_requested" as const };
  try {
    await options.mailer.send(composeInviteMail({ to: input.email, url: invite.url, role: input.role, invite }));
    return { ...invite, emailStatus: "sent" as const };
  } catch (error) {
    return { ...invite, emailStatus: "failed" as const, emailError: error instanceof Error ? error.message : String(error) };
  }
}

/** Open invites of a project. */
export async function listInvites(db: Kysely<DB>, projectId: string) {
  const invites = await listOpenInvites(db, projectId);
  return invites.map((invite) => ({ ...invite, isExpired: invite.expiresAt < new Date() }));
}

/** Revokes an open invite so its link stops working. */
export async function revokeInvite(db: Kysely<DB>, actor: ProjectActor, inviteId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await revokeOpenInvite(trx, actor.projectId, inviteId))) {
      throw new NotFoundError("no open invite with this id", { field: "inviteId" });
    }
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "invite.revoked",
      targetType: "invite",
      targetId: inviteId,
    });
  });
}

/** Locks the invite behind a link, so it is spent once, and throws unless it can still be used. */
async function lockUsableInvite(trx: Transaction<DB>, token: string) {
  const invite = await findInviteByTokenHash(trx, hashSecretToken(token), { lock: true });
  if (!invite) throw new NotFoundError("this invite link is not valid", { field: "token" });
  const status = statusOf(invite);
  if (status !== "valid") throw new InvalidStateError(statusMessages[status], { field: "token" });
  return invite;
}

/** Marks an invite used by `userId` and records it in the audit log. */
async function spendInvite(trx: Transaction<DB>, invite: { id: string; projectId: string }, userId: string, details: Record<string, unknown>) {
  await markInviteAccepted(trx, invite.id, userId);
  await insertAuditEntry(trx, {
    projectId: invite.projectId,
    actorUserId: userId,
    action: "invite.accepted",
    targetType: "invite",
    targetId: invite.id,
    data: details,
  });
}

/** What an invite link offers, for the page a person lands on; never throws for a bad link. */
export async function inspectInvite(db: Kysely<DB>, token: string) {
  const invite = await findInviteByTokenHash(db, hashSecretToken(token));
  if (!invite) return { status: "unknown" as const };
  return {
    status: statusOf(invite),
    projectName: invite.projectName,
    role: invite.role,
    invitedByName: invite.invitedByName,
    expiresAt: invite.expiresAt,
  };
}

/** Joins the signed-in person to the invite's project. An existing member keeps their current role. */
export async function acceptInvite(db: Kysely<DB>, user: SessionUser, token: string) {
  return db.transaction().execute(async (trx) => {
    const invite = await lockUsableInvite(trx, token);
    const existing = await findMembership(trx, invite.projectId, user.id);
    if (!existing) await insertMembership(trx, { projectId: invite.projectId, userId: user.id, role: invite.role });
    await spendInvite(trx, invite, user.id, { role: existing?.role ?? invite.role, wasAlreadyMember: Boolean(existing) });
    return { projectId: invite.projectId, projectSlug: invite.projectSlug, role: existing?.role ?? invite.role };
  });
}

/** Creates an account from an invite link and joins the project, all or nothing. */
export async function registerWithInvite(db: Kysely<DB>, input: RegisterWithInviteInput) {
  return db.transaction().execute(async (trx) => {
    const invite = await lockUsableInvite(trx, input.token);
    const user = await createPasswordUser(trx, input);
    await insertMembership(trx, { projectId: invite.projectId, userId: user.id, role: invite.role });
    await spendInvite(trx, invite, user.id, { role: invite.role, createdAccount: true });
    return { user, projectSlug: invite.projectSlug, role: invite.role };
  });
}
