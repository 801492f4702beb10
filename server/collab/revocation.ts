import { Forbidden } from "@hocuspocus/common";
import type { Hocuspocus } from "@hocuspocus/server";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { MembershipChange } from "@/server/members/membership-changes";
import { authorizeCollabConnection } from "./access";
import { parseCollabDocumentName } from "./schema";

/** What onAuthenticate leaves on every connection. */
export type CollabConnectionContext = { userId: string; projectId: string };

/**
 * Re-checks open connections against the rights people hold now: a connection its person may no longer
 * open is closed (the provider's reconnect is then refused at authentication), and one now allowed only to
 * watch becomes read-only. `scope` limits the check to one person in one project; null checks everyone,
 * after changes may have been missed. A check that fails closes the connection: refusing is the safe side.
 */
export async function recheckCollabConnections(hocuspocus: Hocuspocus, db: Kysely<DB>, scope: MembershipChange | null): Promise<number> {
  let closed = 0;
  const checks: Promise<void>[] = [];
  for (const document of hocuspocus.documents.values()) {
    const parsed = parseCollabDocumentName(document.name);
    if (!parsed || (scope && parsed.projectId !== scope.projectId)) continue;
    for (const connection of document.getConnections()) {
      const context = connection.context as CollabConnectionContext;
      if (scope && context.userId !== scope.userId) continue;
      const request = { projectId: parsed.projectId, userId: context.userId, documentKey: parsed.documentKey, mode: connection.readOnly ? "watch" : "edit" } as const;
      checks.push(
        authorizeCollabConnection(db, request)
          .catch(() => null)
          .then((access) => {
            if (!access) {
              closed += 1;
              connection.webSocket.close(Forbidden.code, Forbidden.reason);
            } else if (access.isReadOnly) {
              connection.readOnly = true;
            }
          }),
      );
    }
  }
  await Promise.all(checks);
  return closed;
}
