import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import type { DB } from "@/db/types";
import { logger } from "@/server/lib/logger";
import { listenToChannel, type ChannelListener } from "@/server/lib/pg-listener";
import { runRefitRequest, scheduleDueRefits } from "./refit-job";
import { listQueuedRefitRequests, REFIT_REQUESTED_CHANNEL } from "./refit-requests";

/** Refits one queue's truth model for a refit request. */
export const TRUTH_REFIT_JOB = "truth.refit";
/** Every minute: queues refits for queues with new answers, and sends every queued request. */
export const TRUTH_REFIT_SCHEDULER_JOB = "truth.refit-scheduler";

const refitJobSchema = z.object({ requestId: z.number(), queueId: z.string() });
type RefitJob = z.infer<typeof refitJobSchema>;

// A 1M-answer refit takes seconds; an hour leaves room for a busy database without letting a stuck job linger.
const REFIT_JOB_EXPIRE_SECONDS = 60 * 60;

async function sendRefit(boss: PgBoss, request: { id: number; queueId: string }): Promise<void> {
  try {
    // One refit per queue at a time: the stately queue keeps one active and one waiting job per queue.
    await boss.send(TRUTH_REFIT_JOB, { requestId: request.id, queueId: request.queueId } satisfies RefitJob, { singletonKey: request.queueId });
  } catch (error) {
    logger.warn({ err: error, requestId: request.id }, "refit job not sent; the minute scheduler sends it");
  }
}

async function sendQueued(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  for (const request of await listQueuedRefitRequests(db)) await sendRefit(boss, request);
}

/**
 * Registers the refit worker, the minute scheduler, and a listener that starts a refit as soon as its
 * request commits (the scheduler is the backstop for announcements nobody heard).
 */
export async function registerTruthRefits(boss: PgBoss, db: Kysely<DB>, connectionString: string): Promise<void> {
  await boss.createQueue(TRUTH_REFIT_JOB, { policy: "stately", retryLimit: 0, expireInSeconds: REFIT_JOB_EXPIRE_SECONDS });
  await boss.work<RefitJob>(TRUTH_REFIT_JOB, { pollingIntervalSeconds: 1 }, async ([job]) => {
    const data = refitJobSchema.safeParse(job?.data);
    if (!data.success) return { outcome: "skipped" };
    const result = await runRefitRequest(db, data.data.requestId);
    return { outcome: result.outcome };
  });

  let listener: ChannelListener | undefined;
  await new Promise<void>((ready) => {
    listener = listenToChannel({
      connectionString,
      channel: REFIT_REQUESTED_CHANNEL,
      applicationName: "goldloop-refit-listener",
      onMessage: () => void sendQueued(boss, db).catch((error: unknown) => logger.warn({ err: error }, "refit hand-off failed")),
      onListening: ready,
      onReconnect: () => void sendQueued(boss, db).catch((error: unknown) => logger.warn({ err: error }, "refit hand-off failed")),
      onError: (error) => {
        logger.warn({ err: error }, "refit listener lost its connection; reconnecting");
        ready();
      },
    });
  });
  boss.on("stopped", () => void listener?.stop());

  await boss.createQueue(TRUTH_REFIT_SCHEDULER_JOB, { policy: "stately", retryLimit: 0 });
  await boss.schedule(TRUTH_REFIT_SCHEDULER_JOB, "* * * * *");
  await boss.work(TRUTH_REFIT_SCHEDULER_JOB, async () => scheduleDueRefits(db, (request) => sendRefit(boss, request)));
}
