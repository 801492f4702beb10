import { sql, type Transaction } from "kysely";
import { z } from "zod";
import type { DB } from "@/db/types";

/** The pg-boss queue whose jobs freeze a queued release. */
export const PUBLISH_RELEASE_JOB = "datasets.publish-release";

/** The Postgres channel on which a committed, queued release is announced to the worker. */
export const RELEASE_QUEUED_CHANNEL = "goldloop_release_queued";

export const publishReleaseJobSchema = z.object({ projectId: z.string(), releaseId: z.number() });
export type PublishReleaseJob = z.infer<typeof publishReleaseJobSchema>;

/**
 * Announces a queued release in the transaction that queues it. Postgres delivers the notification only on
 * commit, so a rolled-back request announces nothing, and it reaches the worker in whichever process runs
 * it (web and worker may be separate processes). A notification missed while no worker listened is made
 * up for by the worker's sweep; a job sent twice is harmless, because the job takes the release's row lock
 * for every step.
 */
export async function announceQueuedRelease(trx: Transaction<DB>, job: PublishReleaseJob): Promise<void> {
  await sql`select pg_notify(${RELEASE_QUEUED_CHANNEL}, ${JSON.stringify(job)})`.execute(trx);
}
