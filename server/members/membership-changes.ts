import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import { listenToChannel, type ChannelListener } from "@/server/lib/pg-listener";

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

export type MembershipWatch = ChannelListener;

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
  return listenToChannel({
    connectionString: options.connectionString,
    channel: MEMBERSHIP_CHANGED_CHANNEL,
    applicationName: "goldloop-membership-watch",
    onMessage: (payload) => options.onChange(JSON.parse(payload) as MembershipChange),
    onReconnect: options.onReconnect,
    onError: options.onError,
  });
}
