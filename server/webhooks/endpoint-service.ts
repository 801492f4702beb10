import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { urlPolicyFromEnv, type UrlPolicy } from "./config";
import { failWaitingDeliveries } from "./delivery-queries";
import { replayFailedSince } from "./delivery-service";
import {
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  setEndpointEnabled,
  updateEndpoint,
  type WebhookEndpointView,
} from "./endpoint-queries";
import type { CreateWebhookEndpointInput, EnableWebhookEndpointInput, UpdateWebhookEndpointInput } from "./schema";
import { generateWebhookSecret } from "./signing";
import { checkWebhookUrl } from "./url-guard";

/** Who manages endpoints: a member (tRPC) or an admin API key (REST). */
export type WebhookActor = { projectId: string; userId: string | null; apiKeyId?: string | null };
export type UrlCheckOptions = { urlPolicy?: UrlPolicy };

const auditActor = (actor: WebhookActor) => ({ projectId: actor.projectId, actorUserId: actor.userId, actorApiKeyId: actor.apiKeyId ?? null });
const notFound = () => new NotFoundError("no such webhook endpoint", { field: "endpointId" });

/** The project's endpoints, without secrets. */
export async function listWebhookEndpoints(db: Kysely<DB>, projectId: string): Promise<WebhookEndpointView[]> {
  return listEndpoints(db, projectId);
}

/** One endpoint of the project, or NotFound. */
export async function getWebhookEndpoint(db: Kysely<DB>, projectId: string, endpointId: string): Promise<WebhookEndpointView> {
  const endpoint = await findEndpoint(db, projectId, endpointId);
  if (!endpoint) throw notFound();
  return endpoint;
}

/** Creates an endpoint after checking its URL reaches only allowed addresses; the secret is returned here and never again. */
export async function createWebhookEndpoint(db: Kysely<DB>, actor: WebhookActor, input: CreateWebhookEndpointInput, options: UrlCheckOptions = {}) {
  await checkWebhookUrl(input.url, options.urlPolicy ?? urlPolicyFromEnv());
  const secret = generateWebhookSecret();
  return db.transaction().execute(async (trx) => {
    const endpoint = await insertEndpoint(trx, { projectId: actor.projectId, ...input, secret, createdBy: actor.userId });
    await insertAuditEntry(trx, {
      ...auditActor(actor),
      action: "webhook_endpoint.created",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      data: { url: endpoint.url, eventTypes: endpoint.eventTypes },
    });
    return { endpoint, secret };
  });
}

/** Changes URL, description or events; a new URL is checked like a new endpoint's. */
export async function updateWebhookEndpoint(db: Kysely<DB>, actor: WebhookActor, input: UpdateWebhookEndpointInput, options: UrlCheckOptions = {}) {
  if (input.url !== undefined) await checkWebhookUrl(input.url, options.urlPolicy ?? urlPolicyFromEnv());
  return db.transaction().execute(async (trx) => {
    const endpoint = await updateEndpoint(trx, actor.projectId, input.endpointId, input);
    if (!endpoint) throw notFound();
    await insertAuditEntry(trx, {
      ...auditActor(actor),
      action: "webhook_endpoint.updated",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      data: { url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes },
    });
    return endpoint;
  });
}

/** Deletes an endpoint with its deliveries and attempts. */
export async function deleteWebhookEndpoint(db: Kysely<DB>, actor: WebhookActor, endpointId: string): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    const deleted = await deleteEndpoint(trx, actor.projectId, endpointId);
    if (!deleted) throw notFound();
    await insertAuditEntry(trx, { ...auditActor(actor), action: "webhook_endpoint.deleted", targetType: "webhook_endpoint", targetId: deleted.id, data: { url: deleted.url } });
    return { id: deleted.id };
  });
}

/** A new secret, returned once; the old one keeps signing beside it for 24 hours so receivers can switch without losing events. */
export async function rotateWebhookSecret(db: Kysely<DB>, actor: WebhookActor, endpointId: string) {
  const secret = generateWebhookSecret();
  return db.transaction().execute(async (trx) => {
    const endpoint = await rotateEndpointSecret(trx, actor.projectId, endpointId, secret);
    if (!endpoint) throw notFound();
    await insertAuditEntry(trx, { ...auditActor(actor), action: "webhook_endpoint.secret_rotated", targetType: "webhook_endpoint", targetId: endpoint.id });
    return { endpoint, secret };
  });
}

/** Turns an endpoint off; what was waiting to be sent is given up (and can be replayed later). */
export async function disableWebhookEndpoint(db: Kysely<DB>, actor: WebhookActor, endpointId: string): Promise<WebhookEndpointView> {
  return db.transaction().execute(async (trx) => {
    const endpoint = await setEndpointEnabled(trx, actor.projectId, endpointId, { isEnabled: false, reason: "a member turned it off", isAutomatic: false });
    if (!endpoint) throw notFound();
    await failWaitingDeliveries(trx, actor.projectId, endpointId, "the endpoint was turned off");
    await insertAuditEntry(trx, { ...auditActor(actor), action: "webhook_endpoint.disabled", targetType: "webhook_endpoint", targetId: endpoint.id });
    return endpoint;
  });
}

/** Turns an endpoint back on. Nothing that failed meanwhile is sent, unless `replayFailedSince` asks for it. */
export async function enableWebhookEndpoint(db: Kysely<DB>, actor: WebhookActor, input: EnableWebhookEndpointInput) {
  return db.transaction().execute(async (trx) => {
    const current = await findEndpoint(trx, actor.projectId, input.endpointId);
    if (!current) throw notFound();
    if (current.isEnabled) throw new InvalidStateError("this endpoint is already on", { field: "endpointId" });
    const endpoint = (await setEndpointEnabled(trx, actor.projectId, input.endpointId, { isEnabled: true }))!;
    const replayed = input.replayFailedSince ? await replayFailedSince(trx, { projectId: actor.projectId, endpointId: endpoint.id, since: input.replayFailedSince }) : 0;
    await insertAuditEntry(trx, {
      ...auditActor(actor),
      action: "webhook_endpoint.enabled",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      data: { replayFailedSince: input.replayFailedSince?.toISOString() ?? null, replayed },
    });
    return { endpoint, replayed };
  });
}
