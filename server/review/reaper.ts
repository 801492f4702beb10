import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { listProjectIds } from "@/server/projects/queries";
import { reapExpiredLeases } from "./claim-queries";

/** Gives back the places of leases that ran out, for queues nobody is claiming from right now. */
export const LEASE_REAPER_JOB = "review.reap-leases";

/** Reaps expired leases in every project; returns how many items got places back. */
export async function reapAllExpiredLeases(db: Kysely<DB>): Promise<number> {
  let released = 0;
  for (const projectId of await listProjectIds(db)) released += await reapExpiredLeases(db, { projectId });
  return released;
}

/** Registers the reaper to run every minute. Claims also reap their own queue first, so this only bounds staleness. */
export async function registerLeaseReaper(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(LEASE_REAPER_JOB);
  await boss.schedule(LEASE_REAPER_JOB, "* * * * *");
  await boss.work(LEASE_REAPER_JOB, async () => ({ releasedItems: await reapAllExpiredLeases(db) }));
}
