import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { listProjectIds } from "@/server/projects/queries";
import { deleteSettledEventsBefore } from "./delivery-queries";

/** The nightly job that trims the delivery log. */
export const WEBHOOK_PRUNE_JOB = "webhooks.prune";
/** How long events, deliveries and attempts stay in the log once nothing is left to send. */
export const DELIVERY_LOG_RETENTION_DAYS = 30;

/** Deletes settled events older than the retention window, project by project; returns how many went. */
export async function pruneWebhookHistory(db: Kysely<DB>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DELIVERY_LOG_RETENTION_DAYS * 86_400_000);
  let deleted = 0;
  for (const projectId of await listProjectIds(db)) deleted += await deleteSettledEventsBefore(db, projectId, cutoff);
  return deleted;
}

/** Registers the nightly prune. */
export async function registerWebhookPrune(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(WEBHOOK_PRUNE_JOB);
  await boss.schedule(WEBHOOK_PRUNE_JOB, "41 3 * * *");
  await boss.work(WEBHOOK_PRUNE_JOB, async () => ({ deletedEvents: await pruneWebhookHistory(db) }));
}
