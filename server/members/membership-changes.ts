import { sql, type Transaction } from "kysely";
import pg from "pg";
import type { DB } from "@/db/types";

/** The Postgres channel every process listens on to hear that someone's rights in a project changed. */
const MEMBERSHIP_CHANGED_CHANNEL = "goldloop_membership_changed";

export type MembershipChange = { projectId: string; userId: string };

/**
 * Announces a removal or a role change to every Goldloop process. Sent inside the change's own transaction:
 * Postgres delivers it at commit, and never for a change that rolled back.
 */
export async function notifyMembershipChanged(trx: Transaction<DB>, change: MembershipChange): Promise<void> {
  await sql`select pg_notify(${MEMBERSHIP_CHANGED_CHANNEL}, ${JSON.stringify(change)})`.execute(trx);
}

export type MembershipWatch = { stop: () => Promise<void> };

const RECONNECT_DELAY_MS = 1_000;

/**
 * Calls `onChange` for each membership change, on a connection of its own. While the connection is down,
 * changes can be missed, so each reconnect calls `onReconnect`, for the listener to re-check everything.
 */
export function watchMembershipChanges(options: {
  connectionString: string;
  onChange: (change: MembershipChange) => void;
  onReconnect: () => void;
  onError: (error: unknown) => void;
}): MembershipWatch {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (isReconnect: boolean) => {
    const next = new pg.Client({ connectionString: options.connectionString, application_name: "goldloop-membership-watch" });
    next.on("notification", (message) => {
      if (message.channel !== MEMBERSHIP_CHANGED_CHANNEL || !message.payload) return;
      options.onChange(JSON.parse(message.payload) as MembershipChange);
    });
    next.on("error", (error) => {
      options.onError(error);
      scheduleReconnect(next);
    });
    next.on("end", () => scheduleReconnect(next));
    client = next;
    try {
      await next.connect();
      await next.query(`listen ${MEMBERSHIP_CHANGED_CHANNEL}`);
      if (isReconnect) options.onReconnect();
    } catch (error) {
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
