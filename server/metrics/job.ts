import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { ALERTS_EVALUATE_JOB, type AlertsEvaluatePayload } from "@/server/alerts/jobs";
import { logger } from "@/server/lib/logger";
import { listProjectIds } from "@/server/projects/queries";
import { refreshMetricsUpTo } from "./service";
import { waitForSettledBounds } from "./settled-bounds";

/** Brings every project's metric points up to date with the rows added since the last pass. */
export const METRICS_REFRESH_JOB = "metrics.refresh";

/**
 * Refreshes every project and hands each one whose points changed to alert evaluation, so alerts always look
 * at fresh points. A project with no new rows costs a few index lookups, and its watermarks still move up to
 * the newest ids, so the next run's search for its new rows starts there instead of wading through every
 * other project's rows since it last had any. One project failing is logged and does not hold up the
 * others; its watermarks stay, so the next run retries it.
 */
export async function refreshAllMetrics(db: Kysely<DB>, sendEvaluation: (payload: AlertsEvaluatePayload) => Promise<unknown>) {
  let projects = 0;
  let windowsRecomputed = 0;
  const bounds = await waitForSettledBounds(db);
  for (const projectId of await listProjectIds(db)) {
    try {
      const result = await refreshMetricsUpTo(db, projectId, bounds);
      if (result.windowsRecomputed === 0) continue;
      windowsRecomputed += result.windowsRecomputed;
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
