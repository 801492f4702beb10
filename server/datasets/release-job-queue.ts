import type { PgBoss } from "pg-boss";
import { logger } from "@/server/lib/logger";

/** The pg-boss queue whose jobs freeze a queued release. */
export const PUBLISH_RELEASE_JOB = "datasets.publish-release";

export type PublishReleaseJob = { projectId: string; releaseId: number };

type SenderHolder = { boss?: PgBoss };

// The server's own code and the modules Next bundles are two module graphs in one process (see db/index.ts);
// a global holder lets a tRPC or REST request hand its release to the job runner that main.ts started.
const holder = ((globalThis as { __goldloopReleaseJobs?: SenderHolder }).__goldloopReleaseJobs ??= {});

export function setReleaseJobSender(boss: PgBoss): void {
  holder.boss = boss;
}

/** Forgets a stopped runner, unless a newer one has taken its place. */
export function clearReleaseJobSender(boss: PgBoss): void {
  if (holder.boss === boss) holder.boss = undefined;
}

/**
 * Hands a committed, queued release to a worker. Without a runner in this process (the CLI, or a web-only
 * process), or if the send fails, the release stays queued and the runner's sweep sends it within a
 * minute; a job sent twice is harmless, because the job takes the release's row lock for every step.
 */
export async function sendReleaseJob(job: PublishReleaseJob): Promise<void> {
  if (!holder.boss) return;
  try {
    await holder.boss.send(PUBLISH_RELEASE_JOB, job);
  } catch (error) {
    logger.warn({ err: error, releaseId: job.releaseId }, "release job not sent; the sweep will send it");
  }
}
