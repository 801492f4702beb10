import type { Metadata } from "next";
import { DeliveryDetail } from "@/components/webhooks/delivery-detail";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { webhookDeliveryIdSchema } from "@/server/webhooks/schema";

export const metadata: Metadata = { title: "Webhook delivery" };

export default async function WebhookDeliveryPage({ params }: { params: Promise<{ slug: string; endpointId: string; deliveryId: string }> }) {
  const { slug, endpointId, deliveryId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/webhooks/${endpointId}/deliveries/${deliveryId}`, roles: ["ml", "admin"] });
  parseOrNotFound(webhookDeliveryIdSchema, { deliveryId });
  await fetchOrNotFound(trpc.webhooks.getDelivery.queryOptions({ projectId: project.id, deliveryId }));
  return (
    <HydrateClient>
      <DeliveryDetail projectId={project.id} slug={slug} endpointId={endpointId} deliveryId={deliveryId} />
    </HydrateClient>
  );
}
