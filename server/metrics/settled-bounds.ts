import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { countRunningTransactions, readSourceBounds, type SourceIds } from "./watermark-queries";

/** How long a pass waits for writers that were mid-transaction when it read its bounds. */
const SETTLE_TIMEOUT_MS = 5_000;
const SETTLE_POLL_MS = 20;

/** Source ids to fold in up to, and whether every row at or below them is final. */
export type SettledBounds = { ids: SourceIds; isSettled: boolean };

/**
 * Source ids up to which every row is final. Ids are handed out before commit, so a transaction still running
 * may yet commit an id below the highest one visible; once every transaction that was running when the
 * bounds were read has ended, nothing at or below them can appear any more. Only this database's writers
 * count. When one outlasts the timeout the bounds are not settled: the pass still computes what it sees,
 * but leaves the watermarks where they were, and the next pass looks at those rows again.
 */
export async function waitForSettledBounds(db: Kysely<DB>): Promise<SettledBounds> {
  const { ids, runningTransactions } = await readSourceBounds(db);
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    if ((await countRunningTransactions(db, runningTransactions)) === 0) return { ids, isSettled: true };
    if (Date.now() >= deadline) return { ids, isSettled: false };
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
}
