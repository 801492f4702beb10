import type { Metadata } from "next";
import { EndpointDetail } from "@/components/webhooks/endpoint-detail";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { webhookEndpointIdSchema } from "@/server/webhooks/schema";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function WebhookEndpointPage({ params }: { params: Promise<{ slug: string; endpointId: string }> }) {
  const { slug, endpointId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/webhooks/${endpointId}`, roles: ["ml", "admin"] });
  parseOrNotFound(webhookEndpointIdSchema, { endpointId });
  await fetchOrNotFound(trpc.webhooks.get.queryOptions({ projectId: project.id, endpointId }));
  return (
    <HydrateClient>
      <EndpointDetail projectId={project.id} slug={slug} endpointId={endpointId} />
    </HydrateClient>
  );
}
