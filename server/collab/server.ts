import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Database as DatabaseExtension } from "@hocuspocus/extension-database";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import { Hocuspocus, type Extension, type WebSocketLike } from "@hocuspocus/server";
import crossws from "crossws/adapters/node";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { watchMembershipChanges, type MembershipWatch } from "@/server/members/membership-changes";
import { authorizeCollabConnection, findCollabSeedText, hasCollabDocumentSubject } from "./access";
import { createAuthorship } from "./authorship";
import { createDurableUpdates } from "./durable-updates";
import { compactDocument, findDocumentState } from "./persistence-service";
import { appendUpdates, deleteDocument, insertDocumentStateIfAbsent } from "./queries";
import { recheckCollabConnections, type CollabConnectionContext } from "./revocation";
import { parseCollabDocumentName } from "./schema";
import { encodeTextDocument } from "./text-document";
import { verifyCollabToken } from "./token";
import { createUpdateLog } from "./update-log";

export type CollabServer = {
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Closes every connection and writes every loaded document to Postgres. */
  destroy: () => Promise<void>;
  hocuspocus: Hocuspocus;
};

export type CollabServerOptions = {
  db: Kysely<DB>;
  /** For the connection that listens for membership changes, to close revoked connections at once. */
  connectionString: string;
  appSecret: string;
  log: { warn: (fields: object, message: string) => void; error: (fields: object, message: string) => void };
  /** With Redis, several collab processes share documents and presence; only one stores each change. */
  redisUrl?: string;
};

const FLUSH_TIMEOUT_MS = 15_000;
// Quiet time before a changed document's log is compacted into its snapshot, and the longest a busy
// document waits. Durability does not depend on them (every update is logged before it is acknowledged);
// they only bound the log's length, so compaction can stay rare and off the typing path.
const COMPACT_AFTER_QUIET_MS = 5_000;
const COMPACT_AT_LEAST_EVERY_MS = 60_000;

/** Host, port and ioredis options from a redis:// or rediss:// URL. */
function redisConnection(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    options: {
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: Number(parsed.pathname.slice(1) || 0),
      tls: parsed.protocol === "rediss:" ? {} : undefined,
    },
  };
}

/** Hocuspocus wired to our token check and Postgres persistence, ready to take upgrades from our HTTP server. */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const { db, appSecret, log } = options;

  const persistence = new DatabaseExtension({
    fetch: async ({ documentName }) => {
      const parsed = parseCollabDocumentName(documentName);
      if (!parsed) return null;
      const stored = await compactDocument(db, { projectId: parsed.projectId, name: documentName });
      if (stored) return stored;
      const seedText = await findCollabSeedText(db, parsed.projectId, parsed.documentKey);
      if (seedText === null) return null;
      // Seeded here, on the server, and stored before anyone sees it: two tabs (or two collab processes)
      // opening a new document both load the one stored seed instead of each inserting the text again.
      await insertDocumentStateIfAbsent(db, { projectId: parsed.projectId, name: documentName, state: Buffer.from(encodeTextDocument(seedText)) });
      return findDocumentState(db, parsed.projectId, documentName);
    },
    store: async ({ documentName, state }) => {
      const parsed = parseCollabDocumentName(documentName);
      if (!parsed) return;
      // An erased end user's document is never stored again: what an editor still open at the erasure held
      // in memory is dropped, and what it sent before its connection was closed is deleted.
      if (!(await hasCollabDocumentSubject(db, parsed.projectId, parsed.documentKey))) {
        await deleteDocument(db, parsed.projectId, documentName);
        return;
      }
      await compactDocument(db, { projectId: parsed.projectId, name: documentName, liveState: state });
    },
  });
  const durableUpdates = createDurableUpdates(
    createUpdateLog((entries) => appendUpdates(db, entries)),
    log,
  );

  // Authorship runs first: an update it refuses is never logged.
  const extensions: Extension[] = [createAuthorship(db), durableUpdates, persistence];
  if (options.redisUrl) {
    extensions.push(new RedisExtension({ prefix: "goldloop:collab", ...redisConnection(options.redisUrl) }));
  }

  const hocuspocus = new Hocuspocus({
    name: "goldloop-collab",
    quiet: true,
    debounce: COMPACT_AFTER_QUIET_MS,
    maxDebounce: COMPACT_AT_LEAST_EVERY_MS,
    extensions,
    async onAuthenticate({ token, documentName, connectionConfig }): Promise<CollabConnectionContext> {
      const parsed = parseCollabDocumentName(documentName);
      if (!parsed) throw new Error("unknown document");
      const claims = await verifyCollabToken(appSecret, token, documentName).catch((error: unknown) => {
        log.warn({ documentName, reason: error instanceof Error ? error.message : String(error) }, "collab token refused");
        throw error;
      });
      // The token is minutes old at most, but rights removed or lowered in between must count.
      const access = await authorizeCollabConnection(db, {
        projectId: parsed.projectId,
        userId: claims.userId,
        documentKey: parsed.documentKey,
        mode: claims.isReadOnly ? "watch" : "edit",
      });
      if (!access) throw new Error("no longer allowed to open this document");
      if (access.isReadOnly) connectionConfig.readOnly = true;
      return { userId: claims.userId, projectId: parsed.projectId };
    },
  });

  const membershipWatch: MembershipWatch = watchMembershipChanges({
    connectionString: options.connectionString,
    onChange: (change) => void recheckCollabConnections(hocuspocus, db, change),
    onReconnect: () => void recheckCollabConnections(hocuspocus, db, null),
    onError: (error) => log.warn({ err: error }, "lost the membership-change listener; reconnecting"),
  });

  const peerConnections = new Map<string, ReturnType<Hocuspocus["handleConnection"]>>();
  const adapter = crossws({
    hooks: {
      open: (peer) => {
        const connection = hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request as Request);
        peerConnections.set(peer.id, connection);
      },
      message: (peer, message) => peerConnections.get(peer.id)?.handleMessage(message.uint8Array()),
      close: (peer, event) => {
        peerConnections.get(peer.id)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? "" });
        peerConnections.delete(peer.id);
      },
      error: (peer, error) => log.error({ peer: peer.id, error }, "collab socket error"),
    },
  });
  let isClosing = false;

  return {
    hocuspocus,
    handleUpgrade(request, socket, head) {
      if (isClosing) {
        socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
        return;
      }
      void adapter.handleUpgrade(request, socket, head);
    },
    async destroy() {
      isClosing = true;
      await membershipWatch.stop();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          log.error({ documents: hocuspocus.getDocumentsCount() }, "collab documents did not finish storing before shutdown");
          resolve();
        }, FLUSH_TIMEOUT_MS);
        const finish = () => {
          clearTimeout(timer);
          resolve();
        };
        hocuspocus.configuration.extensions.push({
          async afterUnloadDocument({ instance }) {
            if (instance.getDocumentsCount() === 0) finish();
          },
        });
        if (hocuspocus.getDocumentsCount() === 0) finish();
        hocuspocus.closeConnections();
        hocuspocus.flushPendingStores();
      });
      adapter.closeAll(1001, "server shutting down", true);
      await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
    },
  };
}
