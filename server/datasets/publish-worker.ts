import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { logger } from "@/server/lib/logger";
import { listenToChannel, type ChannelListener } from "@/server/lib/pg-listener";
import { runReleasePublication } from "./publish-job";
import { PUBLISH_RELEASE_JOB, publishReleaseJobSchema, RELEASE_QUEUED_CHANNEL, type PublishReleaseJob } from "./release-job-queue";
import { listQueuedReleases } from "./release-queries";

/** Sends a job for every release still queued, in case its announcement was missed. */
export const RELEASE_SWEEP_JOB = "datasets.sweep-queued-releases";

// A 1M-row release takes minutes; the job marks the release failed itself, so pg-boss never retries it.
const PUBLISH_JOB_EXPIRE_SECONDS = 6 * 60 * 60;

async function sendJob(boss: PgBoss, job: PublishReleaseJob): Promise<void> {
  try {
    await boss.send(PUBLISH_RELEASE_JOB, job);
  } catch (error) {
    logger.warn({ err: error, releaseId: job.releaseId }, "release job not sent; the sweep sends it");
  }
}

async function sweepQueuedReleases(boss: PgBoss, db: Kysely<DB>): Promise<number> {
  const queued = await listQueuedReleases(db);
  for (const release of queued) await sendJob(boss, { projectId: release.projectId, releaseId: release.id });
  return queued.length;
}

/** The job an announcement names; anything else on the channel is ignored (the sweep is the backstop). */
function readAnnouncement(payload: string): PublishReleaseJob | null {
  try {
    const job = publishReleaseJobSchema.safeParse(JSON.parse(payload));
    return job.success ? job.data : null;
  } catch {
    return null;
  }
}

/**
 * Registers the publish worker, the listener that hands it each release announced on commit, and the
 * minute sweep that catches what the listener missed (a worker that was down, a dropped connection).
 */
export async function registerReleasePublisher(boss: PgBoss, db: Kysely<DB>, connectionString: string): Promise<void> {
  await boss.createQueue(PUBLISH_RELEASE_JOB, { retryLimit: 0, expireInSeconds: PUBLISH_JOB_EXPIRE_SECONDS });
  await boss.work<PublishReleaseJob>(PUBLISH_RELEASE_JOB, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return { outcome: "skipped" };
    return { outcome: await runReleasePublication(db, job.data) };
  });
  // Notifications sent while the listener is not connected are lost; a sweep each time it (re)connects
  // makes up for them. Waiting for the first one means a release queued once the runner is up is heard.
  let listener: ChannelListener | undefined;
  await new Promise<void>((ready) => {
    listener = listenToChannel({
      connectionString,
      channel: RELEASE_QUEUED_CHANNEL,
      applicationName: "goldloop-release-listener",
      onMessage: (payload) => {
        const job = readAnnouncement(payload);
        if (job) void sendJob(boss, job);
      },
      onListening: ready,
      onReconnect: () => void sweepQueuedReleases(boss, db).catch((error: unknown) => logger.warn({ err: error }, "release sweep failed")),
      onError: (error) => {
        logger.warn({ err: error }, "release listener lost its connection; reconnecting");
        // Starting must not hang on the listener: the minute sweep covers until it connects.
        ready();
      },
    });
  });
  boss.on("stopped", () => void listener?.stop());
  await boss.createQueue(RELEASE_SWEEP_JOB);
  await boss.schedule(RELEASE_SWEEP_JOB, "* * * * *");
  await boss.work(RELEASE_SWEEP_JOB, async () => ({ sent: await sweepQueuedReleases(boss, db) }));
  await sweepQueuedReleases(boss, db);
}
