import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { WebhookDeliveryState, WebhookEventType } from "./schema";
import type { Executor } from "@/db/executor";

export async function insertEvent(db: Executor, params: { projectId: string; type: WebhookEventType; payload: string; createdAt: Date }) {
  return db
    .insertInto("webhook_events")
    .values({ project_id: params.projectId, type: params.type, payload: params.payload, created_at: params.createdAt })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** One pending delivery per endpoint, due now. */
export async function insertDeliveries(db: Executor, params: { projectId: string; eventId: string; endpointIds: string[]; replayOf?: string | null }) {
  if (params.endpointIds.length === 0) return [];
  return db
    .insertInto("webhook_deliveries")
    .values(params.endpointIds.map((endpointId) => ({ project_id: params.projectId, endpoint_id: endpointId, event_id: params.eventId, replay_of: params.replayOf ?? null })))
    .returning("id")
    .execute();
}

/**
 * Claims deliveries that are due, in one statement, marking them queued; the caller hands them to pg-boss
 * in the same transaction. SKIP LOCKED lets several dispatchers run without claiming the same row. This
 * scan spans projects on purpose (one dispatcher serves all); every query after it is scoped by project.
 */
export async function claimDueDeliveries(trx: Transaction<DB>, limit: number) {
  return trx
    .updateTable("webhook_deliveries")
    .set({ state: "queued", queued_at: sql`now()` })
    .where(
      "id",
      "in",
      trx
        .selectFrom("webhook_deliveries")
        .select("id")
        .where("state", "=", "pending")
        .where("next_attempt_at", "<=", sql<Date>`now()`)
        .orderBy("next_attempt_at")
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "project_id as projectId", "attempt_count as attemptCount"])
    .execute();
}

/** Deliveries handed to pg-boss that never came back (a job lost with a crashed worker) are due again. */
export async function requeueStrandedDeliveries(db: Executor, queuedBefore: Date): Promise<number> {
  // SKIP LOCKED: a row locked now is being recorded or given up, so it is not stranded.
  const result = await db
    .updateTable("webhook_deliveries")
    .set({ state: "pending", queued_at: null, next_attempt_at: sql`now()` })
    .where("id", "in", db.selectFrom("webhook_deliveries").select("id").where("state", "=", "queued").where("queued_at", "<", queuedBefore).forUpdate().skipLocked())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function selectDeliveryForAttempt(db: Executor, projectId: string, deliveryId: string) {
  return db
    .selectFrom("webhook_deliveries")
    .innerJoin("webhook_events", "webhook_events.id", "webhook_deliveries.event_id")
    .select([
      "webhook_deliveries.id",
      "webhook_deliveries.endpoint_id as endpointId",
      "webhook_deliveries.event_id as eventId",
      "webhook_deliveries.state",
      "webhook_deliveries.attempt_count as attemptCount",
      "webhook_events.payload",
    ])
    .where("webhook_deliveries.project_id", "=", projectId)
    .where("webhook_deliveries.id", "=", deliveryId)
    .$narrowType<{ state: WebhookDeliveryState }>();
}

/** A delivery with what sending it needs. */
export async function findDeliveryForAttempt(db: Executor, projectId: string, deliveryId: string) {
  return selectDeliveryForAttempt(db, projectId, deliveryId).executeTakeFirst();
}

/** The same, locked, so one worker at a time records an attempt. */
export async function lockDeliveryForAttempt(trx: Transaction<DB>, projectId: string, deliveryId: string) {
  return selectDeliveryForAttempt(trx, projectId, deliveryId).forUpdate(["webhook_deliveries"]).executeTakeFirst();
}

export async function insertAttempt(
  db: Executor,
  attempt: { projectId: string; deliveryId: string; attempt: number; url: string; statusCode: number | null; latencyMs: number; responseExcerpt: string | null; error: string | null; isSuccess: boolean },
) {
  await db
    .insertInto("webhook_attempts")
    .values({
      project_id: attempt.projectId,
      delivery_id: attempt.deliveryId,
      attempt: attempt.attempt,
      url: attempt.url,
      status_code: attempt.statusCode,
      latency_ms: attempt.latencyMs,
      response_excerpt: attempt.responseExcerpt,
      error: attempt.error,
      is_success: attempt.isSuccess,
    })
    .execute();
}

/** Moves a delivery on after an attempt: done, or pending again at `nextAttemptAt`. */
export async function updateDeliveryAfterAttempt(
  db: Executor,
  projectId: string,
  deliveryId: string,
  next: { state: "succeeded" | "failed" | "pending"; attemptCount: number; nextAttemptAt: Date | null; lastStatus: number | null; lastError: string | null },
) {
  await db
    .updateTable("webhook_deliveries")
    .set({
      state: next.state,
      attempt_count: next.attemptCount,
      queued_at: null,
      last_status: next.lastStatus,
      last_error: next.lastError,
      ...(next.nextAttemptAt ? { next_attempt_at: next.nextAttemptAt } : {}),
      completed_at: next.state === "pending" ? null : sql<Date>`now()`,
    })
    .where("project_id", "=", projectId)
    .where("id", "=", deliveryId)
    .execute();
}

/** Gives up every delivery of an endpoint still waiting, with the reason; turning the endpoint back on sends none of them unless replayed. */
export async function failWaitingDeliveries(db: Executor, projectId: string, endpointId: string, reason: string): Promise<number> {
  const result = await db
    .updateTable("webhook_deliveries")
    .set({ state: "failed", queued_at: null, last_error: reason, completed_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("endpoint_id", "=", endpointId)
    .where("state", "in", ["pending", "queued"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const deliveryColumns = [
  "webhook_deliveries.id",
  "webhook_deliveries.endpoint_id as endpointId",
  "webhook_deliveries.event_id as eventId",
  "webhook_events.type as eventType",
  "webhook_deliveries.state",
  "webhook_deliveries.attempt_count as attemptCount",
  "webhook_deliveries.next_attempt_at as nextAttemptAt",
  "webhook_deliveries.last_status as lastStatus",
  "webhook_deliveries.last_error as lastError",
  "webhook_deliveries.completed_at as completedAt",
  "webhook_deliveries.replay_of as replayOf",
  "webhook_deliveries.created_at as createdAt",
] as const;

/** An endpoint's deliveries, newest first. */
export async function listDeliveries(db: Executor, params: { projectId: string; endpointId: string; state?: WebhookDeliveryState; limit: number; afterDeliveryId?: string }) {
  let query = db
    .selectFrom("webhook_deliveries")
    .innerJoin("webhook_events", "webhook_events.id", "webhook_deliveries.event_id")
    .select(deliveryColumns)
    .where("webhook_deliveries.project_id", "=", params.projectId)
    .where("webhook_deliveries.endpoint_id", "=", params.endpointId)
    .orderBy("webhook_deliveries.created_at", "desc")
    .orderBy("webhook_deliveries.id", "desc")
    .limit(params.limit)
    .$narrowType<{ state: WebhookDeliveryState; eventType: WebhookEventType }>();
  if (params.state) query = query.where("webhook_deliveries.state", "=", params.state);
  // Keyset on (created_at, id): one transaction's deliveries share a created_at, so time alone would skip some.
  if (params.afterDeliveryId) {
    const cursor = db
      .selectFrom("webhook_deliveries")
      .select(["created_at", "id"])
      .where("project_id", "=", params.projectId)
      .where("id", "=", params.afterDeliveryId);
    query = query.where(sql<boolean>`(webhook_deliveries.created_at, webhook_deliveries.id) < (${cursor})`);
  }
  return query.execute();
}

export async function findDelivery(db: Executor, projectId: string, deliveryId: string) {
  return db
    .selectFrom("webhook_deliveries")
    .innerJoin("webhook_events", "webhook_events.id", "webhook_deliveries.event_id")
    .select([...deliveryColumns, "webhook_events.payload"])
    .where("webhook_deliveries.project_id", "=", projectId)
    .where("webhook_deliveries.id", "=", deliveryId)
    .$narrowType<{ state: WebhookDeliveryState; eventType: WebhookEventType }>()
    .executeTakeFirst();
}

export async function listAttempts(db: Executor, projectId: string, deliveryId: string) {
  return db
    .selectFrom("webhook_attempts")
    .select(["id", "attempt", "url", "status_code as statusCode", "latency_ms as latencyMs", "response_excerpt as responseExcerpt", "error", "is_success as isSuccess", "created_at as createdAt"])
    .where("project_id", "=", projectId)
    .where("delivery_id", "=", deliveryId)
    .orderBy("attempt", "asc")
    .execute();
}

/** Events whose delivery to the endpoint failed since `since` and was not sent since (by a replay that is waiting or went through). */
export async function listFailedEventIdsSince(db: Executor, params: { projectId: string; endpointId: string; since: Date }): Promise<string[]> {
  const rows = await db
    .selectFrom("webhook_deliveries as failed")
    .select("failed.event_id as eventId")
    .distinct()
    .where("failed.project_id", "=", params.projectId)
    .where("failed.endpoint_id", "=", params.endpointId)
    .where("failed.state", "=", "failed")
    .where("failed.created_at", ">=", params.since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("webhook_deliveries as later")
            .select("later.id")
            .where("later.project_id", "=", params.projectId)
            .whereRef("later.endpoint_id", "=", "failed.endpoint_id")
            .whereRef("later.event_id", "=", "failed.event_id")
            .where("later.state", "in", ["pending", "queued", "succeeded"]),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.eventId);
}

/** Deletes a project's events (with their deliveries and attempts) older than `before`, unless a delivery of one is still on its way or was made since. */
export async function deleteSettledEventsBefore(db: Executor, projectId: string, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("webhook_events")
    .where("project_id", "=", projectId)
    .where("created_at", "<", before)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("webhook_deliveries")
            .select("webhook_deliveries.id")
            .where("webhook_deliveries.project_id", "=", projectId)
            .whereRef("webhook_deliveries.event_id", "=", "webhook_events.id")
            .where((inner) => inner.or([inner("webhook_deliveries.state", "in", ["pending", "queued"]), inner("webhook_deliveries.created_at", ">=", before)])),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
