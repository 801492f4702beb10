import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { deleteExpiredInvites } from "@/server/members/invite-queries";
import { listProjectIds } from "@/server/projects/queries";

export const PRUNE_INVITES_JOB = "maintenance.prune-invites";
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
  await boss.createQueue(PRUNE_INVITES_JOB);
  await boss.schedule(PRUNE_INVITES_JOB, "17 3 * * *");
  await boss.work(PRUNE_INVITES_JOB, async () => ({ deleted: await pruneExpiredInvites(db) }));
}
