import pg from "pg";

export type ChannelListener = { stop: () => Promise<void> };

const RECONNECT_DELAY_MS = 1_000;

/**
 * LISTENs on one Postgres channel over a connection of its own, reconnecting after a second when it drops.
 * While the connection is down, notifications are lost, so each reconnect calls `onReconnect` for the
 * caller to catch up another way.
 */
export function listenToChannel(options: {
  connectionString: string;
  channel: string;
  applicationName: string;
  onMessage: (payload: string) => void;
  onReconnect: () => void;
  onError: (error: unknown) => void;
  /** Called each time LISTEN is in place (first connect and every reconnect), for callers that must know they can hear. */
  onListening?: () => void;
}): ChannelListener {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (isReconnect: boolean) => {
    const next = new pg.Client({ connectionString: options.connectionString, application_name: options.applicationName });
    next.on("notification", (message) => {
      if (message.channel === options.channel && message.payload) options.onMessage(message.payload);
    });
    next.on("error", (error) => {
      options.onError(error);
      scheduleReconnect(next);
    });
    next.on("end", () => scheduleReconnect(next));
    client = next;
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(options.channel)}`);
      options.onListening?.();
      if (isReconnect) options.onReconnect();
    } catch (error) {
      // Stopping while connecting closes the client under the LISTEN: not a failure.
      if (isStopped) return;
      options.onError(error);
      scheduleReconnect(next);
    }
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (isStopped || client !== failed || retry) return;
    client = null;
    void failed.end().catch(() => {});
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, RECONNECT_DELAY_MS);
  };

  void connect(false);
  return {
    stop: async () => {
      isStopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
