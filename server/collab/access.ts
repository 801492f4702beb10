import { CHANGEABLE_ITEM_STATES } from "@/server/review/answer-queries";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { conversationToText } from "@/server/items/conversation-text";
import { findAssignmentOwner, findItemOutput, findOwnItemAssignment, hasSubmittedOnItem } from "@/server/items/queries";
import { ForbiddenError } from "@/server/lib/errors";
import { findMembership } from "@/server/members/queries";

export type CollabMember = { projectId: string; userId: string; role: ProjectRole };

type ParsedKey =
  | { kind: "correction"; assignmentId: number }
  | { kind: "gold"; queueItemId: number }
  | { kind: "shared"; queueItemId: number }
  | { kind: "scratch" }
  | null;

function parseDocumentKey(documentKey: string): ParsedKey {
  const [kind, id = ""] = documentKey.split("/");
  const numericId = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : null;
  if (kind === "correction" && numericId !== null) return { kind, assignmentId: numericId };
  if ((kind === "gold" || kind === "shared") && numericId !== null) return { kind, queueItemId: numericId };
  if (kind === "scratch") return { kind };
  return null;
}

const refused = () => new ForbiddenError("you may not open this document", { field: "documentKey" });

/**
 * Who may open which collaboration document, and whether only to watch:
 * - `correction/<assignmentId>`: only that assignment's annotator, while they still hold a reviewing role;
 *   edit while it is active, and after submitting while the item still collects answers; watch after.
 * - `gold/<queueItemId>`: leads and admins, and annotators who answered the item; edit while the item
 *   waits for a lead (conflict), watch once it is resolved.
 * - `shared/<queueItemId>`: a collaborative item's shared answer and correction. Annotators holding a
 *   live or approved assignment on it edit while the item collects approvals; leads watch; watch after.
 * - `scratch/<x>`: any member.
 * Everything else is refused. Asking to watch always gets a read-only token.
 */
export async function authorizeCollabDocument(
  db: Kysely<DB>,
  member: CollabMember,
  request: { documentKey: string; mode: "edit" | "watch" },
): Promise<{ isReadOnly: boolean }> {
  const parsed = parseDocumentKey(request.documentKey);
  if (!parsed) throw refused();
  const wantsWatch = request.mode === "watch";
  switch (parsed.kind) {
    case "scratch":
      return { isReadOnly: wantsWatch };
    case "correction": {
      const owner = await findAssignmentOwner(db, member.projectId, parsed.assignmentId);
      if (owner?.annotatorId !== member.userId || !hasAnyRole(member.role, ["annotator"])) throw refused();
      if (wantsWatch || owner.state === "active") return { isReadOnly: wantsWatch };
      // A submitted answer may still change while its item collects answers, and its correction with it.
      const item = owner.state === "submitted" ? await findItemOutput(db, member.projectId, owner.queueItemId) : undefined;
      return { isReadOnly: !item || !CHANGEABLE_ITEM_STATES.includes(item.state) };
    }
    case "gold": {
      const item = await findItemOutput(db, member.projectId, parsed.queueItemId);
      if (!item) throw refused();
      const mayOpen =
        hasAnyRole(member.role, ["lead"]) ||
        (hasAnyRole(member.role, ["annotator"]) &&
          (await hasSubmittedOnItem(db, { projectId: member.projectId, queueItemId: parsed.queueItemId, userId: member.userId })));
      if (!mayOpen) throw refused();
      return { isReadOnly: wantsWatch || item.state !== "conflict" };
    }
    case "shared": {
      const item = await findItemOutput(db, member.projectId, parsed.queueItemId);
      // A blind item has no shared document: opening one would let its annotators see each other's work.
      if (item?.mode !== "collaborative") throw refused();
      const own = hasAnyRole(member.role, ["annotator"])
        ? await findOwnItemAssignment(db, { projectId: member.projectId, queueItemId: parsed.queueItemId, userId: member.userId })
        : undefined;
      const isSeated = own?.state === "active" || own?.state === "submitted";
      if (!isSeated && !hasAnyRole(member.role, ["lead"])) throw refused();
      return { isReadOnly: wantsWatch || !isSeated || !CHANGEABLE_ITEM_STATES.includes(item.state) };
    }
  }
}

/**
 * What a person may do with an open document right now, from their current membership: null when they
 * may no longer open it. Checked when a connection authenticates and again whenever their rights change.
 */
export async function authorizeCollabConnection(
  db: Kysely<DB>,
  request: { projectId: string; userId: string; documentKey: string; mode: "edit" | "watch" },
): Promise<{ isReadOnly: boolean } | null> {
  const membership = await findMembership(db, request.projectId, request.userId);
  if (!membership) return null;
  const member = { projectId: request.projectId, userId: request.userId, role: membership.role as ProjectRole };
  return authorizeCollabDocument(db, member, request).catch((error: unknown) => {
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
}

/**
 * The text a document starts from the first time it is loaded: the original output for correction and
 * gold documents, nothing for the rest.
 */
export async function findCollabSeedText(db: Kysely<DB>, projectId: string, documentKey: string): Promise<string | null> {
  const parsed = parseDocumentKey(documentKey);
  if (!parsed || parsed.kind === "scratch") return null;
  const queueItemId = parsed.kind === "gold" || parsed.kind === "shared" ? parsed.queueItemId : (await findAssignmentOwner(db, projectId, parsed.assignmentId))?.queueItemId;
  if (queueItemId === undefined) return null;
  const item = await findItemOutput(db, projectId, queueItemId);
  return item ? conversationToText(item.output) : null;
}

/**
 * Whether what a document is about still exists: its assignment (correction) or queue item (gold); a
 * scratch document always does. Erasing an end user deletes both, and with them the right to store the
 * document again.
 */
export async function hasCollabDocumentSubject(db: Kysely<DB>, projectId: string, documentKey: string): Promise<boolean> {
  const parsed = parseDocumentKey(documentKey);
  if (!parsed) return false;
  switch (parsed.kind) {
    case "scratch":
      return true;
    case "correction":
      return (await findAssignmentOwner(db, projectId, parsed.assignmentId)) !== undefined;
    case "gold":
    case "shared":
      return (await findItemOutput(db, projectId, parsed.queueItemId)) !== undefined;
  }
}
