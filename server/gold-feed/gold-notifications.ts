import { listenToChannel, type ChannelListener } from "@/server/lib/pg-listener";
import { logger } from "@/server/lib/logger";

/** Raised by the gold_labels trigger at commit, with the project id as payload. */
const GOLD_CREATED_CHANNEL = "goldloop_gold_created";

type Hub = { listener: ChannelListener | null; subscribers: Map<string, Set<() => void>> };

// On globalThis: Next may load this module once per route bundle, and one connection per process is enough.
const hubKey = Symbol.for("goldloop.goldNotifications");
const globalHub = globalThis as typeof globalThis & { [hubKey]?: Hub };
const hub: Hub = (globalHub[hubKey] ??= { listener: null, subscribers: new Map() });

function wakeAll(): void {
  for (const subscribers of hub.subscribers.values()) for (const wake of subscribers) wake();
}

function startListening(): ChannelListener {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start Goldloop through server/main.ts or set it");
  return listenToChannel({
    connectionString,
    channel: GOLD_CREATED_CHANNEL,
    applicationName: "goldloop-gold-feed",
    onMessage: (projectId) => hub.subscribers.get(projectId)?.forEach((wake) => wake()),
    // Notifications sent while the connection was down are lost: every stream reads again.
    onReconnect: wakeAll,
    onError: (error) => logger.warn({ err: error }, "gold feed: notification connection failed; reconnecting"),
  });
}

/**
 * Calls `wake` whenever gold labels of the project commit. Returns the unsubscribe function; the shared
 * connection closes with the last subscriber.
 */
export function subscribeToGold(projectId: string, wake: () => void): () => void {
  hub.listener ??= startListening();
  const subscribers = hub.subscribers.get(projectId) ?? new Set();
  subscribers.add(wake);
  hub.subscribers.set(projectId, subscribers);
  return () => {
    subscribers.delete(wake);
    if (subscribers.size === 0) hub.subscribers.delete(projectId);
    if (hub.subscribers.size === 0 && hub.listener) {
      void hub.listener.stop();
      hub.listener = null;
    }
  };
}
