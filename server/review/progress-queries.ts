import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/**
 * One annotator's submitted assignments per UTC day since `since`, split into the given queue and the rest
 * of the project. Every submission counts, gold checks and decoys too: a count that stood still for a gold
 * check would point it out. Reads assignments_finished_idx (annotator, state submitted).
 */
export async function countMyDailySubmissions(db: Executor, params: { projectId: string; userId: string; queueId: string; since: Date }) {
  const { rows } = await sql<{ day: Date; isThisQueue: boolean; answers: number }>`
    select date_trunc('day', a.submitted_at, 'UTC') as day, a.queue_id = ${params.queueId}::uuid as "isThisQueue", count(*)::int as answers
    from assignments a
    where a.project_id = ${params.projectId} and a.annotator_id = ${params.userId} and a.state = 'submitted' and a.submitted_at >= ${params.since}
    group by 1, 2
  `.execute(db);
  return rows.map((row) => ({ day: new Date(row.day), isThisQueue: row.isThisQueue, answers: row.answers }));
}
