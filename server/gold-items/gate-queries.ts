import { sql } from "kysely";
import type { Executor } from "@/db/executor";

const pauseColumns = [
  "p.id",
  "p.queue_id as queueId",
  "p.annotator_id as annotatorId",
  "p.reason",
  "p.gold_checks as goldChecks",
  "p.gold_correct as goldCorrect",
  "p.paused_at as pausedAt",
  "p.lifted_at as liftedAt",
  "p.lift_note as liftNote",
] as const;

/** When a lead last lifted the annotator's pause on a queue: gold checks count again from then. */
export async function findLastLiftedAt(db: Executor, params: { projectId: string; queueId: string; annotatorId: string }): Promise<Date | undefined> {
  const row = await db
    .selectFrom("annotator_pauses")
    .select((eb) => eb.fn.max("lifted_at").as("liftedAt"))
    .where("project_id", "=", params.projectId)
    .where("queue_id", "=", params.queueId)
    .where("annotator_id", "=", params.annotatorId)
    .executeTakeFirst();
  return row?.liftedAt ?? undefined;
}

/** Pauses an annotator on a queue; undefined when they already are (the partial unique index keeps one). */
export async function insertPause(db: Executor, values: { projectId: string; queueId: string; annotatorId: string; reason: string; goldChecks: number; goldCorrect: number }) {
  return db
    .insertInto("annotator_pauses")
    .values({
      project_id: values.projectId,
      queue_id: values.queueId,
      annotator_id: values.annotatorId,
      reason: values.reason,
      gold_checks: values.goldChecks,
      gold_correct: values.goldCorrect,
    })
    .onConflict((oc) => oc.columns(["queue_id", "annotator_id"]).where("lifted_at", "is", null).doNothing())
    .returning("id")
    .executeTakeFirst();
}

/** A queue's pauses with the annotator's name, live ones first, then the 50 most recently lifted when asked. */
export async function listQueuePauses(db: Executor, params: { projectId: string; queueId: string; includeLifted: boolean }) {
  let query = db
    .selectFrom("annotator_pauses as p")
    .innerJoin("users as u", "u.id", "p.annotator_id")
    .leftJoin("users as lifter", "lifter.id", "p.lifted_by")
    .select([...pauseColumns, "u.name as annotatorName", "lifter.name as liftedByName"])
    .where("p.project_id", "=", params.projectId)
    .where("p.queue_id", "=", params.queueId)
    .orderBy("p.lifted_at", (ob) => ob.desc().nullsFirst())
    .orderBy("p.id", "desc")
    .limit(params.includeLifted ? 100 : 1000);
  if (!params.includeLifted) query = query.where("p.lifted_at", "is", null);
  return query.execute();
}

/** Lifts a live pause; undefined when there is no such pause in the project or it was already lifted. */
export async function liftPause(db: Executor, params: { projectId: string; pauseId: number; liftedBy: string; note: string }) {
  return db
    .updateTable("annotator_pauses")
    .set({ lifted_at: sql`now()`, lifted_by: params.liftedBy, lift_note: params.note })
    .where("project_id", "=", params.projectId)
    .where("id", "=", params.pauseId)
    .where("lifted_at", "is", null)
    .returning(["id", "queue_id as queueId", "annotator_id as annotatorId"])
    .executeTakeFirst();
}

/** Whether a pause exists in the project at all, to tell "no such pause" from "already lifted". */
export async function pauseExists(db: Executor, projectId: string, pauseId: number): Promise<boolean> {
  const row = await db.selectFrom("annotator_pauses").select("id").where("project_id", "=", projectId).where("id", "=", pauseId).executeTakeFirst();
  return row !== undefined;
}

/**
 * What counts against a daily cap: the annotator's answers on the queue since midnight UTC plus the leases
 * they hold there now. Gold checks count like any answer, or the cap would tell them apart.
 */
export async function countTodaysWork(db: Executor, params: { projectId: string; queueId: string; annotatorId: string }): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select
      (select count(*) from annotations a join queue_items qi on qi.id = a.queue_item_id
        where a.project_id = ${params.projectId} and qi.project_id = ${params.projectId} and qi.queue_id = ${params.queueId}
          and a.annotator_id = ${params.annotatorId} and a.created_at >= date_trunc('day', now() at time zone 'utc') at time zone 'utc')::int
      + (select count(*) from assignments s
        where s.project_id = ${params.projectId} and s.queue_id = ${params.queueId} and s.annotator_id = ${params.annotatorId}
          and s.state = 'active' and s.lease_expires_at > now())::int as n
  `.execute(db);
  return rows[0]?.n ?? 0;
}
