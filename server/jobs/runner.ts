import type { Kysely } from "kysely";
import { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { registerAlertsEvaluator } from "@/server/alerts/evaluate-worker";
import { registerQueueItemPlanSweeper } from "@/server/ingest/queue-item-plans";
import { registerReleasePublisher } from "@/server/datasets/publish-worker";
import { classifyDatabaseOutage } from "@/server/lib/pg-errors";
import { registerMetricsRefresh } from "@/server/metrics/job";
import { registerLeaseReaper } from "@/server/review/reaper";
import { registerDayPlanJob } from "@/server/sampling/plan-job";
import { registerIdleThreadSampler } from "@/server/sampling/thread-job";
import { registerTruthRefits } from "@/server/truth/jobs";
import { registerWebhookDelivery, type WebhookDispatcherOptions } from "@/server/webhooks/dispatcher";
import { registerMaintenanceJobs } from "./maintenance";

/** pg-boss keeps its tables in a schema of its own, beside ours in the same database. */
export const JOB_SCHEMA = "pgboss";

export type JobRunner = { boss: PgBoss; stop: () => Promise<void> };

/** Starts pg-boss on the app's database and registers every worker. */
export async function startJobRunner(options: {
  connectionString: string;
  db: Kysely<DB>;
  log: { error: (fields: object, message: string) => void; warn: (fields: object, message: string) => void };
  /** Tests shorten the retry schedule and allow the loopback receiver; the server reads both from the environment. */
  webhooks?: WebhookDispatcherOptions;
}): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: options.connectionString, schema: JOB_SCHEMA, application_name: "goldloop-jobs" });
  boss.on("error", (error) => {
    // pg-boss retries on its own once Postgres is back; an outage is worth a line, not a stack with the client attached.
    const outage = classifyDatabaseOutage(error);
    if (outage) options.log.warn({ reason: outage }, "job runner: database unavailable");
    else options.log.error({ err: error }, "job runner error");
  });
  await boss.start();
  await registerMaintenanceJobs(boss, options.db);
  await registerLeaseReaper(boss, options.db);
  await registerIdleThreadSampler(boss, options.db);
  await registerQueueItemPlanSweeper(boss, options.db);
  await registerDayPlanJob(boss, options.db);
  await registerReleasePublisher(boss, options.db, options.connectionString);
  await registerMetricsRefresh(boss, options.db);
  await registerAlertsEvaluator(boss, options.db);
  await registerTruthRefits(boss, options.db, options.connectionString);
  const webhooks = await registerWebhookDelivery(boss, options.db, {
    onError: (error) => {
      const outage = classifyDatabaseOutage(error);
      if (outage) options.log.warn({ reason: outage }, "webhook dispatcher: database unavailable");
      else options.log.error({ err: error }, "webhook dispatcher error");
    },
    ...options.webhooks,
  });
  return {
    boss,
    // Graceful: the dispatcher stops handing out work, then workers finish the job in hand before the pool closes.
    stop: async () => {
      await webhooks.stop();
      await boss.stop({ graceful: true, timeout: 20_000 });
    },
  };
}
