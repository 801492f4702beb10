import { ResetConnection } from "@hocuspocus/common";
import type { Connection, Extension } from "@hocuspocus/server";
import { parseCollabDocumentName } from "./schema";
import { isEmptyUpdate, isSyncStatusMessage, readDocumentUpdate } from "./sync-message";
import type { UpdateLog } from "./update-log";

type Log = { error: (fields: object, message: string) => void };

/**
 * Makes every edit durable before its author is told it is saved. Each client update is appended to the
 * Postgres log (group commit) as it arrives; Hocuspocus then applies and broadcasts it at once, so other
 * people see it as fast as without persistence, but the acknowledgement (SyncStatus) that the author's
 * provider counts as "saved" waits until every update that connection sent so far is committed.
 *
 * Nothing acknowledged can be lost: a crash before the commit loses an update the author's provider still
 * holds as unsynced, and it sends it again when it reconnects (sync step 2, logged like any update). A
 * failed write closes the socket for the same reason: the reconnect resends what was not saved.
 */
export function createDurableUpdates(updateLog: UpdateLog, log: Log): Extension {
  // Each connection's latest unfinished write. Appends settle in order, and a failed one closes the socket
  // before any later one settles, so waiting for the latest write covers every earlier one.
  const latestWrites = new WeakMap<Connection, Promise<void> | null>();

  /** The first time a connection is seen, its send() is wrapped to hold acknowledgements back. */
  function trackConnection(connection: Connection): void {
    if (latestWrites.has(connection)) return;
    latestWrites.set(connection, null);
    const send = connection.send.bind(connection);
    // Hocuspocus sends the acknowledgement right after applying an update, which follows this extension's
    // beforeHandleMessage for that same update, so its write is already the latest.
    connection.send = (message: Uint8Array) => {
      const latest = latestWrites.get(connection);
      if (!latest || !isSyncStatusMessage(message)) return send(message);
      void latest.then(
        () => send(message),
        () => {},
      );
    };
  }

  return {
    extensionName: "goldloop-durable-updates",
    async beforeHandleMessage({ update: message, connection, documentName }) {
      trackConnection(connection);
      if (connection.readOnly) return;
      const update = readDocumentUpdate(message);
      if (!update || isEmptyUpdate(update)) return;
      const parsed = parseCollabDocumentName(documentName);
      if (!parsed) throw new Error("unknown document");
      const write = updateLog.append({ projectId: parsed.projectId, documentName, update });
      latestWrites.set(connection, write);
      write.then(
        () => {
          if (latestWrites.get(connection) === write) latestWrites.set(connection, null);
        },
        (error: unknown) => {
          log.error({ err: error, documentName }, "could not save a collaboration update; closing the socket so the client resends it");
          connection.webSocket.close(ResetConnection.code, ResetConnection.reason);
        },
      );
    },
  };
}
