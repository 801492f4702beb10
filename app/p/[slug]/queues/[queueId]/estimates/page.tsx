import type { Metadata } from "next";
import { EstimatesDashboard } from "@/components/estimates/estimates-dashboard";
import { fetchOpenQueue, fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Estimates" };

export default async function QueueEstimatesPage({ params }: { params: Promise<{ slug: string; queueId: string }> }) {
  const { slug, queueId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/estimates` });
  parseOrNotFound(queueIdSchema, { queueId });
  // An archived queue sends the visitor to its page, which says so.
  await fetchOpenQueue(project.id, slug, queueId);
  await fetchOrNotFound(trpc.estimates.forQueue.queryOptions({ projectId: project.id, queueId, granularity: "week" }));
  return (
    <HydrateClient>
      <EstimatesDashboard projectId={project.id} slug={slug} queueId={queueId} role={project.role} />
    </HydrateClient>
  );
}
