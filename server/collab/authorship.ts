import type { Extension } from "@hocuspocus/server";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { DB } from "@/db/types";
import { claimClientId } from "./author-queries";
import type { CollabConnectionContext } from "./revocation";
import { isAttributedDocumentKey, parseCollabDocumentName } from "./schema";
import { readDocumentUpdate } from "./sync-message";

/** The Yjs client ids an update writes new content with: content the document already holds is not new. */
function listNewContentClientIds(update: Uint8Array, document: Y.Doc): number[] {
  const ids = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct.id.clock + struct.length > Y.getState(document.store, struct.id.client)) ids.add(struct.id.client);
  }
  return [...ids];
}

/**
 * Who wrote which span of a shared document, decided by the server. A Yjs client id says nothing
 * trustworthy on its own (any client can pick any id), and a PermanentUserData map lives inside the
 * document, where any editor could rewrite it. Here the authenticated connection that first writes with a
 * client id owns it (a row in collab_authors, committed before the update is applied), and an update that
 * writes new content under an id someone else owns is refused, closing the socket. Readers map each span's
 * client id to its owner through the server (see `getSharedItem`), never through the document.
 * Relaying someone else's edits is not refused: content the server already holds is not new. (Only if the
 * server lost an edit it had broadcast but not yet stored would a peer's resend of it be refused.)
 */
export function createAuthorship(db: Kysely<DB>): Extension {
  // Owners already confirmed, per document: typing repeats the same one or two ids for every keystroke.
  const knownOwners = new Map<string, Map<number, string>>();

  return {
    extensionName: "goldloop-authorship",
    async beforeHandleMessage({ update: message, connection, documentName, document, context }) {
      if (connection.readOnly) return;
      const parsed = parseCollabDocumentName(documentName);
      if (!parsed || !isAttributedDocumentKey(parsed.documentKey)) return;
      const update = readDocumentUpdate(message);
      if (!update) return;
      const { userId } = context as CollabConnectionContext;
      const owners = knownOwners.get(documentName) ?? new Map<number, string>();
      knownOwners.set(documentName, owners);
      for (const clientId of listNewContentClientIds(update, document)) {
        const owner = owners.get(clientId) ?? (await claimClientId(db, { projectId: parsed.projectId, documentName, clientId, userId }));
        owners.set(clientId, owner);
        if (owner !== userId) throw new Error("this client id writes for someone else");
      }
    },
    async afterUnloadDocument({ documentName }) {
      knownOwners.delete(documentName);
    },
  };
}
