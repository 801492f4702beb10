import type { Kysely } from "kysely";
import pg from "pg";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { logger } from "@/server/lib/logger";
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
function readAnnouncement(payload: string | undefined): PublishReleaseJob | null {
  try {
    const job = publishReleaseJobSchema.safeParse(JSON.parse(payload ?? "null"));
    return job.success ? job.data : null;
  } catch {
    return null;
  }
}

/**
 * Listens for releases announced on commit and hands each to the publish queue. A dropped connection is
 * only logged: until the runner restarts, the minute sweep sends what it missed.
 */
async function listenForQueuedReleases(boss: PgBoss, connectionString: string): Promise<pg.Client> {
  const listener = new pg.Client({ connectionString, application_name: "goldloop-release-listener" });
  listener.on("error", (error) => logger.warn({ err: error }, "release listener lost its connection; queued releases wait for the sweep"));
  listener.on("notification", (message) => {
    const job = readAnnouncement(message.payload);
    if (job) void sendJob(boss, job);
  });
  await listener.connect();
  await listener.query(`listen ${RELEASE_QUEUED_CHANNEL}`);
  return listener;
}

/** Registers the publish worker, the listener that feeds it, and the sweep that catches what the listener missed. */
export async function registerReleasePublisher(boss: PgBoss, db: Kysely<DB>, connectionString: string): Promise<void> {
  await boss.createQueue(PUBLISH_RELEASE_JOB, { retryLimit: 0, expireInSeconds: PUBLISH_JOB_EXPIRE_SECONDS });
  await boss.work<PublishReleaseJob>(PUBLISH_RELEASE_JOB, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return { outcome: "skipped" };
    return { outcome: await runReleasePublication(db, job.data) };
  });
  const listener = await listenForQueuedReleases(boss, connectionString);
  boss.on("stopped", () => void listener.end().catch(() => undefined));
  await boss.createQueue(RELEASE_SWEEP_JOB);
  await boss.schedule(RELEASE_SWEEP_JOB, "* * * * *");
  await boss.work(RELEASE_SWEEP_JOB, async () => ({ sent: await sweepQueuedReleases(boss, db) }));
  await sweepQueuedReleases(boss, db);
}
