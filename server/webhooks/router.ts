import { requireRole, router } from "@/server/api/trpc";
import { getWebhookDelivery, listWebhookDeliveries, replayFailedWebhookDeliveries, replayWebhookDelivery, sendTestWebhook } from "./delivery-service";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  disableWebhookEndpoint,
  enableWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "./endpoint-service";
import {
  createWebhookEndpointSchema,
  enableWebhookEndpointSchema,
  listWebhookDeliveriesSchema,
  replayFailedDeliveriesSchema,
  updateWebhookEndpointSchema,
  webhookDeliveryIdSchema,
  webhookEndpointIdSchema,
} from "./schema";

/** Webhooks feed the ML team's pipelines: ML members and admins manage them. */
const managers = requireRole("ml", "admin");

export const webhooksRouter = router({
  list: managers.query(({ ctx }) => listWebhookEndpoints(ctx.db, ctx.membership.projectId)),
  get: managers.input(webhookEndpointIdSchema).query(({ ctx, input }) => getWebhookEndpoint(ctx.db, ctx.membership.projectId, input.endpointId)),
  create: managers.input(createWebhookEndpointSchema).mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, ctx.actor, input)),
  update: managers.input(updateWebhookEndpointSchema).mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.db, ctx.actor, input)),
  delete: managers.input(webhookEndpointIdSchema).mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.db, ctx.actor, input.endpointId)),
  rotateSecret: managers.input(webhookEndpointIdSchema).mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx.actor, input.endpointId)),
  disable: managers.input(webhookEndpointIdSchema).mutation(({ ctx, input }) => disableWebhookEndpoint(ctx.db, ctx.actor, input.endpointId)),
  enable: managers.input(enableWebhookEndpointSchema).mutation(({ ctx, input }) => enableWebhookEndpoint(ctx.db, ctx.actor, input)),
  sendTest: managers.input(webhookEndpointIdSchema).mutation(({ ctx, input }) => sendTestWebhook(ctx.db, ctx.actor, input.endpointId)),
  listDeliveries: managers.input(listWebhookDeliveriesSchema).query(({ ctx, input }) => listWebhookDeliveries(ctx.db, ctx.membership.projectId, input)),
  getDelivery: managers.input(webhookDeliveryIdSchema).query(({ ctx, input }) => getWebhookDelivery(ctx.db, ctx.membership.projectId, input.deliveryId)),
  replayDelivery: managers.input(webhookDeliveryIdSchema).mutation(({ ctx, input }) => replayWebhookDelivery(ctx.db, ctx.actor, input.deliveryId)),
  replayFailed: managers.input(replayFailedDeliveriesSchema).mutation(({ ctx, input }) => replayFailedWebhookDeliveries(ctx.db, ctx.actor, input)),
});
