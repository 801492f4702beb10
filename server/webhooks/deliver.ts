import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { DomainError } from "@/server/lib/errors";
import type { DeliveryPolicy, UrlPolicy } from "./config";
import { failWaitingDeliveries, findDeliveryForAttempt, insertAttempt, lockDeliveryForAttempt, updateDeliveryAfterAttempt } from "./delivery-queries";
import { findEndpointForSending, lockEndpoint, recordEndpointOutcome, setEndpointEnabled } from "./endpoint-queries";
import { postWebhook, type PostOutcome } from "./http-post";
import { nextRetryDelayMs } from "./retry-schedule";
import { signWebhook, webhookMessageId } from "./signing";
import { checkWebhookUrl } from "./url-guard";

/** An endpoint is turned off only after this many failed attempts in a row, however long they took. */
export const AUTO_DISABLE_MIN_FAILURES = 3;

export type DeliveryOptions = { urlPolicy: UrlPolicy; deliveryPolicy: DeliveryPolicy; random?: () => number };

/** Checks the URL again (DNS may have changed since it was saved), signs and sends; never throws for the receiver's faults. */
async function send(url: string, messageId: string, body: string, secrets: string[], urlPolicy: UrlPolicy): Promise<PostOutcome> {
  let addresses;
  try {
    addresses = await checkWebhookUrl(url, urlPolicy);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { statusCode: null, latencyMs: 0, responseExcerpt: null, error: `refused before sending: ${error.message}`, isSuccess: false };
  }
  const headers = signWebhook({ messageId, timestamp: new Date(), body, secrets });
  return postWebhook({ url, address: addresses[0]!, headers, body });
}

/**
 * Makes one attempt of a queued delivery and records it. The HTTP request runs outside any transaction;
 * recording re-locks the delivery and does nothing when it is no longer queued (another worker recorded
 * it), so a job that pg-boss runs twice sends at most twice and records once. Receivers deduplicate on
 * `webhook-id`, which is the same for every attempt.
 */
export async function attemptDelivery(db: Kysely<DB>, target: { projectId: string; deliveryId: string }, options: DeliveryOptions): Promise<PostOutcome | null> {
  const { projectId, deliveryId } = target;
  const delivery = await findDeliveryForAttempt(db, projectId, deliveryId);
  if (!delivery || delivery.state !== "queued") return null;
  const endpoint = await findEndpointForSending(db, projectId, delivery.endpointId);
  if (!endpoint) return null;
  if (!endpoint.isEnabled) {
    await db.transaction().execute(async (trx) => {
      if (await lockEndpoint(trx, projectId, delivery.endpointId)) await failWaitingDeliveries(trx, projectId, delivery.endpointId, "the endpoint is turned off");
    });
    return null;
  }
  const secrets = [endpoint.secret, ...(endpoint.previousSecret ? [endpoint.previousSecret] : [])];
  const outcome = await send(endpoint.url, webhookMessageId(delivery.eventId), delivery.payload, secrets, options.urlPolicy);
  await recordAttempt(db, { projectId, deliveryId, endpointId: delivery.endpointId, url: endpoint.url }, outcome, options);
  return outcome;
}

async function recordAttempt(
  db: Kysely<DB>,
  target: { projectId: string; deliveryId: string; endpointId: string; url: string },
  outcome: PostOutcome,
  options: DeliveryOptions,
): Promise<void> {
  const { projectId, deliveryId, endpointId } = target;
  await db.transaction().execute(async (trx) => {
    // Endpoint, then delivery: the order every transaction that touches both takes its locks in.
    if (!(await lockEndpoint(trx, projectId, endpointId))) return;
    const delivery = await lockDeliveryForAttempt(trx, projectId, deliveryId);
    if (!delivery || delivery.state !== "queued") return;
    const attempt = delivery.attemptCount + 1;
    await insertAttempt(trx, { projectId, deliveryId, attempt, url: target.url, ...outcome });
    const delayMs = outcome.isSuccess ? null : nextRetryDelayMs(attempt, options.deliveryPolicy.retryScheduleMs, options.random?.());
    await updateDeliveryAfterAttempt(trx, projectId, deliveryId, {
      state: outcome.isSuccess ? "succeeded" : delayMs === null ? "failed" : "pending",
      attemptCount: attempt,
      nextAttemptAt: delayMs === null ? null : new Date(Date.now() + delayMs),
      lastStatus: outcome.statusCode,
      lastError: outcome.error,
    });
    const streak = await recordEndpointOutcome(trx, projectId, endpointId, outcome.isSuccess);
    if (!streak?.isEnabled || !streak.failingSince || streak.consecutiveFailures < AUTO_DISABLE_MIN_FAILURES) return;
    if (Date.now() - streak.failingSince.getTime() < options.deliveryPolicy.disableAfterMs) return;
    const since = `${streak.failingSince.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    const reason = `every attempt has failed since ${since}, ${streak.consecutiveFailures} in a row; the last: ${outcome.error ?? "no answer"}`;
    await setEndpointEnabled(trx, projectId, endpointId, { isEnabled: false, reason, isAutomatic: true });
    const abandoned = await failWaitingDeliveries(trx, projectId, endpointId, "the endpoint was turned off after failing repeatedly");
    await insertAuditEntry(trx, {
      projectId,
      action: "webhook_endpoint.auto_disabled",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      data: { failingSince: streak.failingSince.toISOString(), consecutiveFailures: streak.consecutiveFailures, lastError: outcome.error, abandonedDeliveries: abandoned },
    });
  });
}
