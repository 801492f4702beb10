import { sql, type Kysely } from "kysely";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";

export const refitRequestStates = ["queued", "running", "done", "failed"] as const;
export type RefitRequestState = (typeof refitRequestStates)[number];

/** The steps of a refit in order; a running request records the one it is at. */
export const refitPhases = ["reading", "fitting", "writing", "reevaluating", "flagging"] as const;
export type RefitPhase = (typeof refitPhases)[number];

export type RefitRequest = {
  id: number;
  queueId: string;
  state: RefitRequestState;
  phase: RefitPhase | null;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
};

/** The Postgres channel on which a committed refit request is announced to the worker. */
export const REFIT_REQUESTED_CHANNEL = "goldloop_truth_refit_requested";

/** A running refit older than this was lost with its worker; the scheduler fails it so the queue can refit again. */
export const LOST_REFIT_MINUTES = 15;

const requestColumns = ["id", "queue_id as queueId", "state", "phase", "requested_at as requestedAt", "started_at as startedAt", "finished_at as finishedAt", "error"] as const;

function toRequest(row: Omit<RefitRequest, "id"> & { id: number | string }): RefitRequest {
  return { ...row, id: Number(row.id) };
}

type NarrowedRequest = { state: RefitRequestState; phase: RefitPhase | null };

/**
 * Queues a refit of the queue, or returns the one already queued or running (asking twice joins it), and
 * announces it on commit so a worker in any process starts it at once.
 */
export async function requestRefit(db: Kysely<DB>, q: { projectId: string; queueId: string; requestedBy: string | null }): Promise<RefitRequest> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("truth_refit_requests")
      .values({ project_id: q.projectId, queue_id: q.queueId, requested_by: q.requestedBy })
      .onConflict((conflict) => conflict.column("queue_id").where("state", "in", ["queued", "running"]).doNothing())
      .returning(requestColumns)
      .$narrowType<NarrowedRequest>()
      .executeTakeFirst();
    if (inserted) {
      await sql`select pg_notify(${REFIT_REQUESTED_CHANNEL}, ${String(inserted.id)})`.execute(trx);
      return toRequest(inserted);
    }
    const open = await trx
      .selectFrom("truth_refit_requests")
      .select(requestColumns)
      .where("project_id", "=", q.projectId)
      .where("queue_id", "=", q.queueId)
      .where("state", "in", ["queued", "running"])
      .$narrowType<NarrowedRequest>()
      .executeTakeFirstOrThrow();
    return toRequest(open);
  });
}

/** The queue's newest refit request, whatever its state. */
export async function findLatestRefitRequest(db: Executor, q: { projectId: string; queueId: string }): Promise<RefitRequest | null> {
  const row = await db
    .selectFrom("truth_refit_requests")
    .select(requestColumns)
    .where("project_id", "=", q.projectId)
    .where("queue_id", "=", q.queueId)
    .orderBy("id", "desc")
    .limit(1)
    .$narrowType<NarrowedRequest>()
    .executeTakeFirst();
  return row ? toRequest(row) : null;
}

/** Moves a queued request to running; null when another worker took it or it is gone. Workers serve every project, so this looks up by id alone. */
export async function startRefitRequest(db: Executor, requestId: number): Promise<{ projectId: string; queueId: string; requestedBy: string | null } | null> {
  const row = await db
    .updateTable("truth_refit_requests")
    .set({ state: "running", started_at: sql`now()` })
    .where("id", "=", requestId)
    .where("state", "=", "queued")
    .returning(["project_id as projectId", "queue_id as queueId", "requested_by as requestedBy"])
    .executeTakeFirst();
  return row ?? null;
}

/** Records the step a running request has reached. */
export async function setRefitPhase(db: Executor, request: { id: number; projectId: string }, phase: RefitPhase): Promise<void> {
  await db.updateTable("truth_refit_requests").set({ phase }).where("project_id", "=", request.projectId).where("id", "=", request.id).where("state", "=", "running").execute();
}

/** Records how a running request ended: done, or failed with a message a lead can read. */
export async function finishRefitRequest(db: Executor, request: { id: number; projectId: string }, error: string | null): Promise<void> {
  await db
    .updateTable("truth_refit_requests")
    .set({ state: error === null ? "done" : "failed", phase: null, finished_at: sql`now()`, error })
    .where("project_id", "=", request.projectId)
    .where("id", "=", request.id)
    .execute();
}

/** Every project's queued requests, for the worker's sweep. */
export async function listQueuedRefitRequests(db: Executor): Promise<{ id: number; queueId: string }[]> {
  const rows = await db.selectFrom("truth_refit_requests").select(["id", "queue_id as queueId"]).where("state", "=", "queued").orderBy("id").execute();
  return rows.map((row) => ({ id: Number(row.id), queueId: row.queueId }));
}

/** Fails refits left running by a worker that stopped mid-way. */
export async function failLostRefits(db: Executor): Promise<number> {
  const result = await db
    .updateTable("truth_refit_requests")
    .set({ state: "failed", finished_at: sql`now()`, error: "The worker stopped before the refit finished; it will run again." })
    .where("state", "=", "running")
    .where("started_at", "<", sql<Date>`now() - make_interval(mins => ${LOST_REFIT_MINUTES})`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
