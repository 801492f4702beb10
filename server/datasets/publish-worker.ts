import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { runReleasePublication } from "./publish-job";
import { clearReleaseJobSender, PUBLISH_RELEASE_JOB, sendReleaseJob, setReleaseJobSender, type PublishReleaseJob } from "./release-job-queue";
import { listQueuedReleases } from "./release-queries";

/** Sends a job for every release still queued, in case its request's send never happened. */
export const RELEASE_SWEEP_JOB = "datasets.sweep-queued-releases";

// A 1M-row release takes minutes; the job marks the release failed itself, so pg-boss never retries it.
const PUBLISH_JOB_EXPIRE_SECONDS = 6 * 60 * 60;

async function sweepQueuedReleases(db: Kysely<DB>): Promise<number> {
  const queued = await listQueuedReleases(db);
  for (const release of queued) await sendReleaseJob({ projectId: release.projectId, releaseId: release.id });
  return queued.length;
}

/** Registers the publish worker and the sweep, and lets requests in this process send publish jobs. */
export async function registerReleasePublisher(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(PUBLISH_RELEASE_JOB, { retryLimit: 0, expireInSeconds: PUBLISH_JOB_EXPIRE_SECONDS });
  await boss.work<PublishReleaseJob>(PUBLISH_RELEASE_JOB, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return { outcome: "skipped" };
    return { outcome: await runReleasePublication(db, job.data) };
  });
  setReleaseJobSender(boss);
  // A stopped runner can send nothing; requests then leave releases queued for the next runner's sweep.
  boss.on("stopped", () => clearReleaseJobSender(boss));
  await boss.createQueue(RELEASE_SWEEP_JOB);
  await boss.schedule(RELEASE_SWEEP_JOB, "* * * * *");
  await boss.work(RELEASE_SWEEP_JOB, async () => ({ sent: await sweepQueuedReleases(db) }));
  await sweepQueuedReleases(db);
}
