import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertDeliveries, insertEvent } from "./delivery-queries";
import { listSubscribedEndpointIds } from "./endpoint-queries";
import { webhookEventDataSchemas, type WebhookEventData, type WebhookEventType } from "./schema";

/** An event to send, with the data its type defines (see webhookEventDataSchemas). */
export type WebhookEventInput<Type extends WebhookEventType> = { projectId: string; type: Type; data: WebhookEventData<Type> };

/**
 * The transactional outbox: call this inside the transaction of the change that raises the event. It
 * writes the event and one pending delivery per enabled endpoint subscribed to its type, so a rolled-back
 * change sends nothing and a committed one is delivered by the dispatcher (server/webhooks/dispatcher.ts),
 * even across a crash right after the commit. Writes nothing when no endpoint listens.
 */
export async function emitWebhookEvent<Type extends WebhookEventType>(trx: Transaction<DB>, event: WebhookEventInput<Type>): Promise<{ eventId: string; deliveryIds: string[] } | null> {
  const endpointIds = await listSubscribedEndpointIds(trx, event.projectId, event.type);
  if (endpointIds.length === 0) return null;
  return writeEventForEndpoints(trx, event, endpointIds);
}

/** Writes an event and its deliveries to the given endpoints, subscribed or not (test events). */
export async function writeEventForEndpoints<Type extends WebhookEventType>(trx: Transaction<DB>, event: WebhookEventInput<Type>, endpointIds: string[]) {
  // Validated here so a caller's mistake fails its own transaction instead of reaching a receiver.
  const data = webhookEventDataSchemas[event.type].parse(event.data);
  const createdAt = new Date();
  const payload = JSON.stringify({ type: event.type, timestamp: createdAt.toISOString(), data });
  const { id: eventId } = await insertEvent(trx, { projectId: event.projectId, type: event.type, payload, createdAt });
  const deliveries = await insertDeliveries(trx, { projectId: event.projectId, eventId, endpointIds });
  return { eventId, deliveryIds: deliveries.map((delivery) => delivery.id) };
}
