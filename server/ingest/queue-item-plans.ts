import { sql, type Kysely } from "kysely";
import type { PgBoss } from "pg-boss";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";
import { logger } from "@/server/lib/logger";
import type { NewQueueItem } from "@/server/sampling/queries";

/** A queue item for a new output, committed with the output as part of a plan and written right after (provenance `rule`). */
export type PlannedQueueItem = Omit<NewQueueItem, "provenance">;

/**
 * Keeps the first item of each (queue, content) pair: a queue holds content once, and of two new outputs
 * with the same content the one that comes first in the batch's order is the one queued.
 */
function firstPerQueueContent(items: readonly PlannedQueueItem[]): PlannedQueueItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.queueId}:${item.contentHash}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The statement that saves a batch's queue items as one plan, inside the transaction that stores the
 * outputs, leaving out content a queue already holds. It answers the plan's id (null when nothing is left)
 * and the output id of each item kept, so the answer can say how many queues took each output.
 */
export function compileSavePlan(db: Kysely<DB>, projectId: string, items: readonly PlannedQueueItem[]) {
  const kept = firstPerQueueContent(items);
  return sql<{ planId: number | null; outputIds: number[] }>`
    with item as materialized (
      select item.* from unnest(${kept.map((item) => item.queueId)}::uuid[], ${kept.map((item) => item.outputId)}::bigint[],
        ${kept.map((item) => item.contentHash)}::text[], ${kept.map((item) => item.inclusionProbability)}::float8[],
        ${kept.map((item) => item.isHoldout)}::boolean[], ${kept.map((item) => item.stratum)}::text[], ${kept.map((item) => item.priority)}::int[])
        with ordinality as item(queue_id, output_id, content_hash, inclusion_probability, is_holdout, stratum, priority, position)
      where not exists (select 1 from queue_items held where held.queue_id = item.queue_id and held.content_hash = item.content_hash)
    ), saved as (
      insert into queue_item_plans (project_id, queue_ids, output_ids, content_hashes, inclusion_probabilities, holdouts, strata, priorities)
      select ${projectId}::uuid, array_agg(queue_id order by position), array_agg(output_id order by position), array_agg(content_hash order by position),
        array_agg(inclusion_probability order by position), array_agg(is_holdout order by position), array_agg(stratum order by position),
        array_agg(priority order by position)
      from item having count(*) > 0
      returning id
    )
    select (select id from saved) as "planId", coalesce((select json_agg(output_id) from item), '[]') as "outputIds"
  `.compile(db);
}

/**
 * Writes a plan's queue items and deletes the plan, in one statement: whoever gets to a plan first writes
 * it, and a second writer finds nothing. Items whose output was erased, whose queue is gone, or whose
 * output was taken out of the queue since are left out; content the queue came to hold since is skipped.
 * Returns how many items were written.
 */
export async function writeQueueItemPlan(db: Executor, planId: number): Promise<number> {
  const result = await sql`
    with plan as (delete from queue_item_plans where id = ${planId} returning *)
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, is_holdout, stratum, priority)
    select plan.project_id, item.queue_id, item.output_id, item.content_hash, item.inclusion_probability, item.is_holdout, item.stratum, item.priority
    from plan cross join lateral unnest(plan.queue_ids, plan.output_ids, plan.content_hashes, plan.inclusion_probabilities, plan.holdouts, plan.strata, plan.priorities)
      as item(queue_id, output_id, content_hash, inclusion_probability, is_holdout, stratum, priority)
    where exists (select 1 from outputs o where o.id = item.output_id)
      and exists (select 1 from queues q where q.id = item.queue_id and q.project_id = plan.project_id)
      and not exists (select 1 from queue_removed_outputs removed
        where removed.project_id = plan.project_id and removed.queue_id = item.queue_id and removed.output_id = item.output_id)
    order by item.queue_id, item.content_hash
    on conflict do nothing
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

// Plans being written by this process. Global, like the database holder: the route Next bundled starts
// them and the server's own module graph waits for them on shutdown.
const writing = ((globalThis as { __goldloopQueueItemPlans?: Set<Promise<void>> }).__goldloopQueueItemPlans ??= new Set<Promise<void>>());

/**
 * Writes a plan off the caller's path. A failure (the database gone for a moment) leaves the plan for the
 * sweeper, which writes it within a minute or two.
 */
export function writeQueueItemPlanSoon(db: Kysely<DB>, planId: number): Promise<void> {
  const done = writeQueueItemPlan(db, planId).then(
    () => undefined,
    (error: unknown) => logger.warn({ err: error, planId }, "queue items not written yet; the sweeper will write them"),
  );
  writing.add(done);
  void done.finally(() => writing.delete(done));
  return done;
}

/** Resolves when every plan this process started writing is written (or left to the sweeper). */
export async function queueItemsSettled(): Promise<void> {
  while (writing.size > 0) await Promise.all([...writing]);
}

/** A plan this old was not written by the process that saved it: it died, or its database went away. */
const LEFTOVER_AFTER_MS = 10_000;

/** Writes the plans left behind; returns how many items they added. */
export async function writeLeftoverQueueItemPlans(db: Kysely<DB>, options: { olderThanMs?: number } = {}): Promise<number> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? LEFTOVER_AFTER_MS));
  const plans = await db.selectFrom("queue_item_plans").select("id").where("created_at", "<", cutoff).orderBy("id").execute();
  let added = 0;
  for (const { id } of plans) added += await writeQueueItemPlan(db, id);
  return added;
}

export const QUEUE_ITEM_PLAN_SWEEP_JOB = "ingest.queue-item-plan-sweep";

/** Registers the sweeper: every minute, the plans a crash or an outage left are written. */
export async function registerQueueItemPlanSweeper(boss: PgBoss, db: Kysely<DB>): Promise<void> {
  await boss.createQueue(QUEUE_ITEM_PLAN_SWEEP_JOB);
  await boss.schedule(QUEUE_ITEM_PLAN_SWEEP_JOB, "* * * * *");
  await boss.work(QUEUE_ITEM_PLAN_SWEEP_JOB, async () => ({ added: await writeLeftoverQueueItemPlans(db) }));
}
