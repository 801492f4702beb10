import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { listProjectIds } from "@/server/projects/queries";
import { loadDayPlans } from "./plan-service";
import { loadSamplingQueues } from "./service";

/** Fixes each open queue's plan for the UTC day just begun, so the day's first ingest batch does not pay for it. */
export const DAY_PLANS_JOB = "sampling.day-plans";

/**
 * Creates today's plan for every open queue of the project that has none. A plan depends only on the days
 * before it and the pending items when it is made, so making it now or at the day's first draw is the same
 * design; ingest still creates a missing plan itself when this job has not run.
 */
export async function prepareDayPlans(db: Kysely<DB>, projectId: string, now = new Date()): Promise<void> {
  const queues = await loadSamplingQueues(db, projectId);
  const day = now.toISOString().slice(0, 10);
  await loadDayPlans(db, projectId, queues, queues.map((queue) => ({ queueId: queue.id, day })));
}

/** Registers the plan job a minute after every midnight (pg-boss schedules in UTC). */
export async function registerDayPlanJob(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(DAY_PLANS_JOB);
  await boss.schedule(DAY_PLANS_JOB, "1 0 * * *");
  await boss.work(DAY_PLANS_JOB, async () => {
    for (const projectId of await listProjectIds(db)) await prepareDayPlans(db, projectId);
  });
}
