import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import type { DB } from "@/db/types";
import { granularities, type Granularity } from "@/server/metrics/catalog";
import { evaluateAlerts } from "./evaluate-service";
import { ALERTS_EVALUATE_JOB, type AlertsEvaluatePayload } from "./jobs";

/** The granularities the project's metrics are computed in (its loop settings; hour and day unless it says otherwise). */
async function projectGranularities(db: Kysely<DB>, projectId: string): Promise<Granularity[]> {
  const project = await db.selectFrom("projects").select("loop_settings as loopSettings").where("id", "=", projectId).executeTakeFirst();
  const configured = (project?.loopSettings as { granularities?: unknown } | undefined)?.granularities;
  const chosen = Array.isArray(configured) ? granularities.filter((granularity) => configured.includes(granularity)) : [];
  return chosen.length > 0 ? chosen : [...granularities];
}

/** Evaluates a project's alerts in every granularity it computes; a project deleted meanwhile has nothing to evaluate. */
export async function evaluateProjectAlerts(db: Kysely<DB>, projectId: string) {
  const exists = await db.selectFrom("projects").select("id").where("id", "=", projectId).executeTakeFirst();
  if (!exists) return { raised: 0, resolved: 0 };
  let raised = 0;
  let resolved = 0;
  for (const granularity of await projectGranularities(db, projectId)) {
    const outcome = await evaluateAlerts(db, projectId, { granularity });
    raised += outcome.raised.length;
    resolved += outcome.resolved.length;
  }
  return { raised, resolved };
}

const payloadSchema = z.object({ projectId: z.uuid() });

/** Registers the worker the metrics refresh hands each project to once its metric points are current. */
export async function registerAlertsEvaluator(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(ALERTS_EVALUATE_JOB);
  await boss.work<AlertsEvaluatePayload>(ALERTS_EVALUATE_JOB, { pollingIntervalSeconds: 1 }, async ([job]) => {
    const payload = payloadSchema.safeParse(job?.data);
    if (!payload.success) return { outcome: "skipped" };
    return { outcome: "evaluated", ...(await evaluateProjectAlerts(db, payload.data.projectId)) };
  });
}
