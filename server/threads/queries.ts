import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import { MAX_THREAD_TURNS } from "./schema";

/** The output behind an assignment the user holds (in any state), with its session. */
export async function findAssignmentOutput(db: Executor, params: { projectId: string; assignmentId: number; userId: string }) {
  return db
    .selectFrom("assignments")
    .innerJoin("queue_items", "queue_items.id", "assignments.queue_item_id")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select(["outputs.id", "outputs.session_id as sessionId", "outputs.produced_at as producedAt"])
    .where("assignments.project_id", "=", params.projectId)
    .where("queue_items.project_id", "=", params.projectId)
    .where("outputs.project_id", "=", params.projectId)
    .where("assignments.id", "=", params.assignmentId)
    .where("assignments.annotator_id", "=", params.userId)
    .executeTakeFirst();
}

/** The output behind a queue item of the project, with its session. */
export async function findItemOutput(db: Executor, params: { projectId: string; queueItemId: number }) {
  return db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select(["outputs.id", "outputs.session_id as sessionId", "outputs.produced_at as producedAt"])
    .where("queue_items.project_id", "=", params.projectId)
    .where("outputs.project_id", "=", params.projectId)
    .where("queue_items.id", "=", params.queueItemId)
    .executeTakeFirst();
}

/**
 * The turns of a session before one output: same project and session, produced earlier (ties broken by
 * id, the order they were stored), the most recent MAX_THREAD_TURNS of them, oldest first, with how many
 * there are in all. Reads outputs only: never labels, answers or gold.
 */
export async function listEarlierTurns(db: Executor, params: { projectId: string; sessionId: string; before: { id: number; producedAt: Date } }) {
  const rows = await db
    .selectFrom("outputs")
    .select(["id", "external_id as externalId", "model", "input", "output", "produced_at as producedAt", sql<number>`count(*) over ()`.as("total")])
    .where("project_id", "=", params.projectId)
    .where("session_id", "=", params.sessionId)
    .where(sql<boolean>`(produced_at, id) < (${params.before.producedAt}::timestamptz, ${params.before.id}::bigint)`)
    .orderBy("produced_at", "desc")
    .orderBy("id", "desc")
    .limit(MAX_THREAD_TURNS)
    .execute();
  const turns = rows.reverse().map((row) => ({ id: row.id, externalId: row.externalId, model: row.model, input: row.input, output: row.output, producedAt: row.producedAt }));
  return { turns, total: Number(rows[0]?.total ?? 0) };
}
