import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { deleteExpiredInvites } from "@/server/members/invite-queries";
import { listProjectIds } from "@/server/projects/queries";
import { deleteOldSignInAttempts } from "@/server/users/sign-in-throttle";

/** Nightly housekeeping: expired invites and old sign-in attempts. */
export const NIGHTLY_MAINTENANCE_JOB = "maintenance.nightly";
/** Expired invites stay visible to admins for a while, then go. */
const EXPIRED_INVITE_RETENTION_DAYS = 30;

/** Deletes invites that expired more than the retention window ago, project by project. */
export async function pruneExpiredInvites(db: Kysely<DB>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - EXPIRED_INVITE_RETENTION_DAYS * 86_400_000);
  let deleted = 0;
  for (const projectId of await listProjectIds(db)) deleted += await deleteExpiredInvites(db, projectId, cutoff);
  return deleted;
}

/** Registers the housekeeping jobs and their nightly schedule. */
export async function registerMaintenanceJobs(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(NIGHTLY_MAINTENANCE_JOB);
  await boss.schedule(NIGHTLY_MAINTENANCE_JOB, "17 3 * * *");
  await boss.work(NIGHTLY_MAINTENANCE_JOB, async () => ({
    deletedInvites: await pruneExpiredInvites(db),
    deletedSignInAttempts: await deleteOldSignInAttempts(db),
  }));
}
