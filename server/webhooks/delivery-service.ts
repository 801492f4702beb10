import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { findDelivery, insertDeliveries, listAttempts, listDeliveries, listFailedEventIdsSince } from "./delivery-queries";
import { findEndpoint } from "./endpoint-queries";
import type { WebhookActor } from "./endpoint-service";
import { writeEventForEndpoints } from "./outbox";
import type { ListWebhookDeliveriesInput, ReplayFailedDeliveriesInput } from "./schema";
import { webhookMessageId } from "./signing";
import type { Executor } from "@/db/executor";

async function requireEnabledEndpoint(db: Executor, projectId: string, endpointId: string, field: string) {
  const endpoint = await findEndpoint(db, projectId, endpointId);
  if (!endpoint) throw new NotFoundError("no such webhook endpoint", { field });
  if (!endpoint.isEnabled) throw new InvalidStateError("this endpoint is off; turn it on first", { field });
  return endpoint;
}

/** An endpoint's deliveries, newest first, a page at a time. */
export async function listWebhookDeliveries(db: Kysely<DB>, projectId: string, input: ListWebhookDeliveriesInput) {
  if (!(await findEndpoint(db, projectId, input.endpointId))) throw new NotFoundError("no such webhook endpoint", { field: "endpointId" });
  return listDeliveries(db, { projectId, ...input });
}

/** One delivery with the body it sends, its `webhook-id` and every attempt. */
export async function getWebhookDelivery(db: Kysely<DB>, projectId: string, deliveryId: string) {
  const delivery = await findDelivery(db, projectId, deliveryId);
  if (!delivery) throw new NotFoundError("no such delivery", { field: "deliveryId" });
  return { ...delivery, webhookId: webhookMessageId(delivery.eventId), attempts: await listAttempts(db, projectId, deliveryId) };
}

/** Sends a delivery's event to its endpoint again, as a new delivery with the same `webhook-id`. */
export async function replayWebhookDelivery(db: Kysely<DB>, actor: WebhookActor, deliveryId: string): Promise<{ deliveryId: string }> {
  return db.transaction().execute(async (trx) => {
    const original = await findDelivery(trx, actor.projectId, deliveryId);
    if (!original) throw new NotFoundError("no such delivery", { field: "deliveryId" });
    await requireEnabledEndpoint(trx, actor.projectId, original.endpointId, "deliveryId");
    const [replay] = await insertDeliveries(trx, { projectId: actor.projectId, eventId: original.eventId, endpointIds: [original.endpointId], replayOf: original.id });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId ?? null,
      action: "webhook_delivery.replayed",
      targetType: "webhook_delivery",
      targetId: original.id,
      data: { replay: replay!.id },
    });
    return { deliveryId: replay!.id };
  });
}

/** In the caller's transaction: a new delivery for every event whose delivery failed since `since` and was not sent since. */
export async function replayFailedSince(trx: Transaction<DB>, params: { projectId: string; endpointId: string; since: Date }): Promise<number> {
  const eventIds = await listFailedEventIdsSince(trx, params);
  for (const eventId of eventIds) await insertDeliveries(trx, { projectId: params.projectId, eventId, endpointIds: [params.endpointId] });
  return eventIds.length;
}

/** Replays every delivery to the endpoint that failed since a time; returns how many events go out again. */
export async function replayFailedWebhookDeliveries(db: Kysely<DB>, actor: WebhookActor, input: ReplayFailedDeliveriesInput): Promise<{ replayed: number }> {
  return db.transaction().execute(async (trx) => {
    await requireEnabledEndpoint(trx, actor.projectId, input.endpointId, "endpointId");
    const replayed = await replayFailedSince(trx, { projectId: actor.projectId, endpointId: input.endpointId, since: input.since });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId ?? null,
      action: "webhook_delivery.replayed_failed",
      targetType: "webhook_endpoint",
      targetId: input.endpointId,
      data: { since: input.since.toISOString(), replayed },
    });
    return { replayed };
  });
}

/** Queues a `webhook.test` event for one endpoint, whatever it subscribes to. */
export async function sendTestWebhook(db: Kysely<DB>, actor: WebhookActor, endpointId: string): Promise<{ deliveryId: string }> {
  return db.transaction().execute(async (trx) => {
    await requireEnabledEndpoint(trx, actor.projectId, endpointId, "endpointId");
    const { deliveryIds } = await writeEventForEndpoints(trx, { projectId: actor.projectId, type: "webhook.test", data: { endpointId, message: "a test event from Goldloop" } }, [endpointId]);
    return { deliveryId: deliveryIds[0]! };
  });
}
