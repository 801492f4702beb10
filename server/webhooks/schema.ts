import { z } from "zod";
import { webhookAlertEvidenceSchema } from "@/server/alerts/evidence-schema";
import { safeText } from "@/server/lib/safe-text";

/** Every event type an endpoint can subscribe to. `alert.*` are reserved for the loop-health detectors. */
export const WEBHOOK_EVENT_TYPES = [
  "release.published",
  "gold.created",
  "gold.revised",
  "conflict.opened",
  "annotation.submitted",
  "annotator.paused",
  "webhook.test",
  "alert.raised",
  "alert.resolved",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What each event type means, for the endpoint form and the README. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "release.published": "a dataset release is published and can be pulled",
  "gold.created": "an item gets its first gold label (consensus or a lead's adjudication)",
  "gold.revised": "a lead revises a gold label; the new one supersedes the old",
  "conflict.opened": "annotators disagree and an item waits for a lead",
  "annotation.submitted": "an annotator submits an answer",
  "annotator.paused": "a queue's quality gate pauses an annotator whose gold-check accuracy fell below its threshold",
  "webhook.test": "a test event sent from the webhooks page or API",
  "alert.raised": "a loop-health detector or alert rule raises an alert (pause an optimizer on it)",
  "alert.resolved": "a loop-health alert is over: its condition cleared, or its detector or rule was turned off",
};

/** An alert as `alert.raised` and `alert.resolved` send it. */
const alertEventDataSchema = z.object({
  alertId: z.uuid(),
  /** A built-in detector id, or "rule" for a user threshold rule. */
  detector: z.string(),
  ruleId: z.uuid().nullable(),
  /** What the alert is about: `key` deduplicates alerts of a detector (a queue, an annotator in a queue, a feature). */
  scope: z.object({ key: z.string(), queueId: z.uuid().nullable(), annotatorId: z.uuid().nullable(), feature: z.string().nullable() }),
  granularity: z.string(),
  severity: z.string(),
  title: z.string(),
  state: z.string(),
  firstWindow: z.iso.datetime(),
  lastFiringWindow: z.iso.datetime(),
  /** Why it resolved ("cleared", "disabled", "rule deleted"), or null while it is live. */
  resolvedReason: z.string().nullable(),
  evidence: webhookAlertEvidenceSchema,
  healthUrl: z.url(),
});

/** The `data` of each event type: ids to fetch more with, never people's names or emails. A public contract: add fields, never rename them. */
export const webhookEventDataSchemas = {
  "release.published": z.object({ datasetId: z.uuid(), datasetSlug: z.string(), release: z.number().int(), rowCount: z.number().int(), pullUrl: z.url() }),
  "gold.created": z.object({ goldLabelId: z.number().int(), queueItemId: z.number().int(), queueId: z.uuid(), outputId: z.number().int(), method: z.string(), confidence: z.number() }),
  "gold.revised": z.object({
    goldLabelId: z.number().int(),
    supersedes: z.number().int(),
    queueItemId: z.number().int(),
    queueId: z.uuid(),
    outputId: z.number().int(),
    reason: z.string(),
  }),
  "conflict.opened": z.object({ queueItemId: z.number().int(), queueId: z.uuid(), outputId: z.number().int(), reasons: z.array(z.string()) }),
  "annotation.submitted": z.object({ annotationId: z.number().int(), queueItemId: z.number().int(), queueId: z.uuid(), outputId: z.number().int() }),
  "annotator.paused": z.object({
    pauseId: z.number().int(),
    queueId: z.uuid(),
    annotatorId: z.uuid(),
    goldChecks: z.number().int(),
    goldCorrect: z.number().int(),
    accuracy: z.number(),
    threshold: z.number(),
  }),
  "webhook.test": z.object({ endpointId: z.uuid(), message: z.string() }),
  "alert.raised": alertEventDataSchema,
  "alert.resolved": alertEventDataSchema,
} satisfies Record<WebhookEventType, z.ZodType>;
export type WebhookEventData<Type extends WebhookEventType> = z.infer<(typeof webhookEventDataSchemas)[Type]>;

/** The body of every webhook request (Standard Webhooks' recommended shape). */
export const webhookPayloadSchema = z.object({
  type: z.enum(WEBHOOK_EVENT_TYPES, "type is a webhook event type"),
  timestamp: z.iso.datetime("timestamp is an ISO 8601 date and time"),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** A delivery's life: waiting for its turn, handed to a worker, or done either way. */
export const WEBHOOK_DELIVERY_STATES = ["pending", "queued", "succeeded", "failed"] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

function isHttpUrl(text: string): boolean {
  const url = URL.parse(text);
  return url !== null && (url.protocol === "http:" || url.protocol === "https:");
}

function hasNoCredentials(text: string): boolean {
  const url = URL.parse(text);
  return url === null || (url.username === "" && url.password === "");
}

/** The URL deliveries are POSTed to. Whether its host may be reached is checked by the service (DNS). */
export const webhookUrlSchema = safeText(2_048, { trim: true, error: "enter the endpoint URL", tooLong: "use a URL of at most 2,048 characters" })
  .min(1, "enter the endpoint URL")
  .refine(isHttpUrl, "use an http:// or https:// URL")
  .refine(hasNoCredentials, "leave user names and passwords out of the URL; verify requests by their signature instead");

const eventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, `choose from ${WEBHOOK_EVENT_TYPES.join(", ")}`), "pick the events to send")
  .min(1, "pick at least one event")
  .max(WEBHOOK_EVENT_TYPES.length, `pick at most ${WEBHOOK_EVENT_TYPES.length} events`)
  .transform((types) => [...new Set(types)]);

const descriptionSchema = safeText(500, { trim: true, error: "describe the endpoint in text", tooLong: "use at most 500 characters" });

export const createWebhookEndpointSchema = z.object({
  url: webhookUrlSchema,
  description: descriptionSchema.default(""),
  eventTypes: eventTypesSchema,
  isEnabled: z.boolean("isEnabled is true or false").default(true),
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const webhookEndpointIdSchema = z.object({ endpointId: z.uuid("endpointId must be a webhook endpoint id") });

export const updateWebhookEndpointSchema = webhookEndpointIdSchema.extend({
  url: webhookUrlSchema.optional(),
  description: descriptionSchema.optional(),
  eventTypes: eventTypesSchema.optional(),
});
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

const sinceSchema = z.date("since must be a date and time").refine((date) => !Number.isNaN(date.getTime()), "since must be a valid date and time");

/** Turning an endpoint back on sends nothing that failed meanwhile, unless `replayFailedSince` asks for it. */
export const enableWebhookEndpointSchema = webhookEndpointIdSchema.extend({ replayFailedSince: sinceSchema.optional() });
export type EnableWebhookEndpointInput = z.infer<typeof enableWebhookEndpointSchema>;

export const listWebhookDeliveriesSchema = webhookEndpointIdSchema.extend({
  state: z.enum(WEBHOOK_DELIVERY_STATES, `state is one of ${WEBHOOK_DELIVERY_STATES.join(", ")}`).optional(),
  limit: z.number("limit must be a number").int("limit must be a whole number").min(1, "limit is at least 1").max(200, "limit is at most 200").default(50),
  /** The last delivery of the previous page; the page holds the deliveries created before it. */
  afterDeliveryId: z.uuid("afterDeliveryId must be a webhook delivery id").optional(),
});
export type ListWebhookDeliveriesInput = z.infer<typeof listWebhookDeliveriesSchema>;

export const webhookDeliveryIdSchema = z.object({ deliveryId: z.uuid("deliveryId must be a webhook delivery id") });

export const replayFailedDeliveriesSchema = webhookEndpointIdSchema.extend({ since: sinceSchema });
export type ReplayFailedDeliveriesInput = z.infer<typeof replayFailedDeliveriesSchema>;

/** The path segment of `DELETE /api/v1/webhook-endpoints/{id}`. */
export const webhookEndpointPathIdSchema = safeText(100).pipe(z.uuid("the path must end in a webhook endpoint id"));
