import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import type { DB } from "@/db/types";
import { listProjectIds } from "@/server/projects/queries";
import { readLoopSettings } from "@/server/metrics/schema";
import { findStoredLoopSettings } from "@/server/metrics/settings-queries";
import { evaluateAlerts } from "./evaluate-service";
import { ALERTS_EVALUATE_JOB, type AlertsEvaluatePayload } from "./jobs";

/** Evaluates a project's alerts in every granularity its metrics are computed in; a project deleted meanwhile has nothing to evaluate. */
export async function evaluateProjectAlerts(db: Kysely<DB>, projectId: string) {
  const stored = await findStoredLoopSettings(db, projectId);
  if (stored === undefined) return { raised: 0, resolved: 0 };
  let raised = 0;
  let resolved = 0;
  for (const granularity of readLoopSettings(stored).granularities) {
    const outcome = await evaluateAlerts(db, projectId, { granularity });
    raised += outcome.raised.length;
    resolved += outcome.resolved.length;
  }
  return { raised, resolved };
}

const payloadSchema = z.object({ projectId: z.uuid() });

/**
 * Hands every project to evaluation once an hour. The metrics refresh sends a project only when it has new
 * rows; a quiet project's windows still close, and its alerts must still clear.
 */
export const ALERTS_SWEEP_JOB = "alerts.sweep";

/**
 * Registers the worker the metrics refresh hands each project to once its metric points are current, and
 * the hourly sweep that hands it every project.
 */
export async function registerAlertsEvaluator(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(ALERTS_EVALUATE_JOB);
  await boss.createQueue(ALERTS_SWEEP_JOB);
  await boss.schedule(ALERTS_SWEEP_JOB, "5 * * * *");
  await boss.work(ALERTS_SWEEP_JOB, async () => {
    const projectIds = await listProjectIds(db);
    for (const projectId of projectIds) await boss.send(ALERTS_EVALUATE_JOB, { projectId } satisfies AlertsEvaluatePayload);
    return { sent: projectIds.length };
  });
  await boss.work<AlertsEvaluatePayload>(ALERTS_EVALUATE_JOB, { pollingIntervalSeconds: 1 }, async ([job]) => {
    const payload = payloadSchema.safeParse(job?.data);
    if (!payload.success) return { outcome: "skipped" };
    return { outcome: "evaluated", ...(await evaluateProjectAlerts(db, payload.data.projectId)) };
  });
}
