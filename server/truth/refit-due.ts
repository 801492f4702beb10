import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/** A queue refits once its newest answer has been quiet this long… */
export const REFIT_QUIET_SECONDS = 30;
/** …or once its last refit is this old, so a queue that never goes quiet still refits. */
export const REFIT_MAX_AGE_MINUTES = 10;

/**
 * Queues with answers (counted or gold-check) newer than their last refit (the newest fit or refit
 * request), that are due: the newest answer is at least 30 s old, or the last refit at least 10 minutes
 * old (a queue never refitted is due at once). Only answers since the last refit are scanned, through the
 * (project, created_at) index.
 */
export async function listQueuesDueForRefit(db: Executor): Promise<{ projectId: string; queueId: string }[]> {
  const { rows } = await sql<{ projectId: string; queueId: string }>`
    with last_refit as (
      select q.id, q.project_id,
             greatest((select max(f.fitted_at) from quality_fits f where f.queue_id = q.id),
                      (select max(r.requested_at) from truth_refit_requests r where r.queue_id = q.id)) as at
      from queues q
      where q.archived_at is null
    )
    select l.project_id as "projectId", l.id as "queueId"
    from last_refit l
    cross join lateral (
      select max(a.created_at) as at
      from annotations a
      join queue_items qi on qi.id = a.queue_item_id
      where a.project_id = l.project_id
        and qi.queue_id = l.id
        and (l.at is null or a.created_at > l.at)
        and ((a.counts_toward_gold and a.gold_check_correct is null) or a.gold_check_correct is not null)
    ) newest
    where newest.at is not null
      and (newest.at <= now() - make_interval(secs => ${REFIT_QUIET_SECONDS})
           or l.at is null
           or l.at <= now() - make_interval(mins => ${REFIT_MAX_AGE_MINUTES}))
    order by l.project_id, l.id
  `.execute(db);
  return rows;
}
