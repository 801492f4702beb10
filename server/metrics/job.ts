import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { ALERTS_EVALUATE_JOB, type AlertsEvaluatePayload } from "@/server/alerts/jobs";
import { logger } from "@/server/lib/logger";
import { refreshMetrics } from "./service";
import { listProjectsWithNewRows } from "./watermark-queries";

/** Brings every project's metric points up to date with the rows added since the last pass. */
export const METRICS_REFRESH_JOB = "metrics.refresh";

/**
 * Refreshes each project with new rows, then hands it to alert evaluation so alerts always look at fresh
 * points. One project failing is logged and does not hold up the others; its watermarks stay, so the next
 * run retries it.
 */
export async function refreshAllMetrics(db: Kysely<DB>, sendEvaluation: (payload: AlertsEvaluatePayload) => Promise<unknown>) {
  let projects = 0;
  let windowsRecomputed = 0;
  for (const projectId of await listProjectsWithNewRows(db)) {
    try {
      windowsRecomputed += (await refreshMetrics(db, projectId)).windowsRecomputed;
      projects += 1;
      await sendEvaluation({ projectId });
    } catch (error) {
      logger.error({ err: error, projectId }, "metrics refresh failed for a project");
    }
  }
  return { projects, windowsRecomputed };
}

/**
 * Registers the refresh to run every minute. The stately policy keeps at most one run going and one waiting,
 * so a slow run (a large first pass) does not pile up minutes behind it. Alert evaluation's queue is created
 * here too, because this job is what sends to it.
 */
export async function registerMetricsRefresh(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(METRICS_REFRESH_JOB, { policy: "stately", retryLimit: 0 });
  await boss.createQueue(ALERTS_EVALUATE_JOB);
  await boss.schedule(METRICS_REFRESH_JOB, "* * * * *");
  await boss.work(METRICS_REFRESH_JOB, async () => refreshAllMetrics(db, (payload) => boss.send(ALERTS_EVALUATE_JOB, payload)));
}
