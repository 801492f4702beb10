import type { Metadata } from "next";
import { AgreementDashboard } from "@/components/agreement/agreement-dashboard";
import { fetchOpenQueue, fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Agreement" };

export default async function QueueAgreementPage({ params }: { params: Promise<{ slug: string; queueId: string }> }) {
  const { slug, queueId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/agreement`, roles: ["lead", "ml", "admin"] });
  parseOrNotFound(queueIdSchema, { queueId });
  // An archived queue sends the visitor to its page, which says so.
  await fetchOpenQueue(project.id, slug, queueId);
  await fetchOrNotFound(trpc.agreement.forQueue.queryOptions({ projectId: project.id, queueId, granularity: "day" }));
  return (
    <HydrateClient>
      <AgreementDashboard projectId={project.id} slug={slug} queueId={queueId} role={project.role} />
    </HydrateClient>
  );
}
