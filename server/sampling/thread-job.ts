import type { Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { DB } from "@/db/types";
import { listProjectIds } from "@/server/projects/queries";
import { listIdleThreadTurns, setThreadsSampledUntil } from "./queries";
import { drawStored, insertDraws, loadSamplingQueues } from "./service";
import { viewOf } from "./views";

/** Samples the last turns of threads that have gone idle, for last-turn queues. */
export const IDLE_THREADS_JOB = "sampling.idle-threads";

/**
 * For each last-turn queue of the project, draws the turns that became their thread's last turn since the
 * previous run: turns produced in (sampled-until, now − idle] that no later turn followed within the idle
 * time. The draw is the same one a backfill or a late signal makes, so re-running a window adds nothing.
 * A queue never looked at starts from its creation less the idle time; older threads are the backfill's.
 */
export async function sampleIdleThreads(db: Kysely<DB>, projectId: string, now = new Date()): Promise<number> {
  const queues = (await loadSamplingQueues(db, projectId)).filter((queue) => queue.rule.thread === "last_turn");
  let added = 0;
  for (const queue of queues) {
    const idleMs = queue.rule.threadIdleMinutes * 60_000;
    const until = new Date(now.getTime() - idleMs);
    const after = queue.threadsSampledUntil ?? new Date(queue.createdAt.getTime() - idleMs);
    if (until <= after) continue;
    const turns = await listIdleThreadTurns(db, projectId, viewOf(queue, now), { after, until });
    added += (await insertDraws(db, projectId, await drawStored(db, projectId, [queue], turns), "rule")).length;
    await setThreadsSampledUntil(db, projectId, queue.id, until);
  }
  return added;
}

/** Registers the idle-thread sampler to run every minute. */
export async function registerIdleThreadSampler(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(IDLE_THREADS_JOB);
  await boss.schedule(IDLE_THREADS_JOB, "* * * * *");
  await boss.work(IDLE_THREADS_JOB, async () => {
    let added = 0;
    for (const projectId of await listProjectIds(db)) added += await sampleIdleThreads(db, projectId);
    return { added };
  });
}
