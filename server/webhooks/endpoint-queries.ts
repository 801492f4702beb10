import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { WebhookEventType } from "./schema";
import type { Executor } from "@/db/executor";

/** How long a rotated-out secret keeps signing beside the new one. */
export const SECRET_OVERLAP = sql<Date>`now() + interval '24 hours'`;

const publicColumns = [
  "id",
  "url",
  "description",
  "event_types as eventTypes",
  "is_enabled as isEnabled",
  "failing_since as failingSince",
  "consecutive_failures as consecutiveFailures",
  "disabled_at as disabledAt",
  "disabled_reason as disabledReason",
  "is_auto_disabled as isAutoDisabled",
  "previous_secret_expires_at as previousSecretExpiresAt",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

/** The CHECK constraint keeps event_types within the known types. */
type NarrowedEndpoint = { eventTypes: WebhookEventType[] };

/** Everything about an endpoint but its secrets, which are shown once and never again. */
export type WebhookEndpointView = Awaited<ReturnType<typeof listEndpoints>>[number];

export async function insertEndpoint(
  db: Executor,
  params: { projectId: string; url: string; description: string; eventTypes: WebhookEventType[]; isEnabled: boolean; secret: string; createdBy: string | null },
) {
  return db
    .insertInto("webhook_endpoints")
    .values({
      project_id: params.projectId,
      url: params.url,
      description: params.description,
      event_types: params.eventTypes,
      is_enabled: params.isEnabled,
      secret: params.secret,
      created_by: params.createdBy,
    })
    .returning(publicColumns)
    .$narrowType<NarrowedEndpoint>()
    .executeTakeFirstOrThrow();
}

export async function listEndpoints(db: Executor, projectId: string) {
  return db.selectFrom("webhook_endpoints").select(publicColumns).where("project_id", "=", projectId).orderBy("created_at", "asc").$narrowType<NarrowedEndpoint>().execute();
}

export async function findEndpoint(db: Executor, projectId: string, endpointId: string) {
  return db.selectFrom("webhook_endpoints").select(publicColumns).where("project_id", "=", projectId).where("id", "=", endpointId).$narrowType<NarrowedEndpoint>().executeTakeFirst();
}

/**
 * Locks the endpoint row. Whoever changes an endpoint and its deliveries in one transaction locks the
 * endpoint first, then deliveries, so two such transactions never wait on each other in a circle.
 */
export async function lockEndpoint(trx: Transaction<DB>, projectId: string, endpointId: string) {
  return trx.selectFrom("webhook_endpoints").select("id").where("project_id", "=", projectId).where("id", "=", endpointId).forUpdate().executeTakeFirst();
}

export async function updateEndpoint(db: Executor, projectId: string, endpointId: string, patch: { url?: string; description?: string; eventTypes?: WebhookEventType[] }) {
  return db
    .updateTable("webhook_endpoints")
    .set({ url: patch.url, description: patch.description, event_types: patch.eventTypes, updated_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("id", "=", endpointId)
    .returning(publicColumns)
    .$narrowType<NarrowedEndpoint>()
    .executeTakeFirst();
}

export async function deleteEndpoint(db: Executor, projectId: string, endpointId: string) {
  return db.deleteFrom("webhook_endpoints").where("project_id", "=", projectId).where("id", "=", endpointId).returning(["id", "url"]).executeTakeFirst();
}

/** The secret in use moves to `previous_secret` and keeps signing for 24 hours. */
export async function rotateEndpointSecret(db: Executor, projectId: string, endpointId: string, secret: string) {
  return db
    .updateTable("webhook_endpoints")
    .set((eb) => ({ previous_secret: eb.ref("secret"), previous_secret_expires_at: SECRET_OVERLAP, secret, updated_at: sql`now()` }))
    .where("project_id", "=", projectId)
    .where("id", "=", endpointId)
    .returning(publicColumns)
    .$narrowType<NarrowedEndpoint>()
    .executeTakeFirst();
}

/** Turns an endpoint on or off; turning on forgets the failure streak and why it was turned off. */
export async function setEndpointEnabled(
  db: Executor,
  projectId: string,
  endpointId: string,
  change: { isEnabled: true } | { isEnabled: false; reason: string; isAutomatic: boolean },
) {
  const set = change.isEnabled
    ? { is_enabled: true, disabled_at: null, disabled_reason: null, is_auto_disabled: false, failing_since: null, consecutive_failures: 0 }
    : { is_enabled: false, disabled_at: sql<Date>`now()`, disabled_reason: change.reason, is_auto_disabled: change.isAutomatic };
  return db
    .updateTable("webhook_endpoints")
    .set({ ...set, updated_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("id", "=", endpointId)
    .returning(publicColumns)
    .$narrowType<NarrowedEndpoint>()
    .executeTakeFirst();
}

/** The enabled endpoints of a project subscribed to `type`. */
export async function listSubscribedEndpointIds(db: Executor, projectId: string, type: WebhookEventType): Promise<string[]> {
  const rows = await db
    .selectFrom("webhook_endpoints")
    .select("id")
    .where("project_id", "=", projectId)
    .where("is_enabled", "=", true)
    .where(sql<boolean>`${type} = any(event_types)`)
    .execute();
  return rows.map((row) => row.id);
}

/** Records an attempt's outcome on the endpoint: a success ends the failure streak, a failure extends it. */
export async function recordEndpointOutcome(trx: Transaction<DB>, projectId: string, endpointId: string, isSuccess: boolean) {
  return trx
    .updateTable("webhook_endpoints")
    .set(
      isSuccess
        ? { failing_since: null, consecutive_failures: 0 }
        : (eb) => ({ failing_since: eb.fn.coalesce("failing_since", sql<Date>`now()`), consecutive_failures: eb("consecutive_failures", "+", 1) }),
    )
    .where("project_id", "=", projectId)
    .where("id", "=", endpointId)
    .returning(["failing_since as failingSince", "consecutive_failures as consecutiveFailures", "is_enabled as isEnabled"])
    .executeTakeFirst();
}

/** What sending to an endpoint needs: its URL, whether it is on, and the secrets that sign (the previous one only while its overlap lasts). */
export async function findEndpointForSending(db: Executor, projectId: string, endpointId: string) {
  return db
    .selectFrom("webhook_endpoints")
    .select([
      "url",
      "is_enabled as isEnabled",
      "secret",
      sql<string | null>`case when previous_secret_expires_at > now() then previous_secret end`.as("previousSecret"),
    ])
    .where("project_id", "=", projectId)
    .where("id", "=", endpointId)
    .executeTakeFirst();
}
