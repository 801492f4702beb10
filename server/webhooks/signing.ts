import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new endpoint secret: `whsec_` and 32 random bytes in base64, the form Standard Webhooks libraries take. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The Standard Webhooks `webhook-id` of an event: the same on every retry and replay, so receivers can deduplicate. */
export function webhookMessageId(eventId: string): string {
  return `msg_${eventId.replaceAll("-", "")}`;
}

/**
 * The three Standard Webhooks headers for one request. With several secrets (during a rotation) the
 * signature header holds one `v1,…` signature per secret, space-separated, so receivers holding either
 * secret verify it.
 */
export function signWebhook(params: { messageId: string; timestamp: Date; body: string; secrets: readonly string[] }): Record<string, string> {
  const signatures = params.secrets.map((secret) => new Webhook(secret).sign(params.messageId, params.timestamp, params.body));
  return {
    "webhook-id": params.messageId,
    "webhook-timestamp": String(Math.floor(params.timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
