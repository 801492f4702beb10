import type { Metadata } from "next";
import { GoldChecksPage } from "@/components/gold-items/gold-checks-page";
import { fetchOpenQueue, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Gold checks" };

export default async function GoldChecksRoute({ params }: { params: Promise<{ slug: string; queueId: string }> }) {
  const { slug, queueId } = await params;
  // Leads only: an annotator who saw this page would know which items are gold checks.
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/gold-checks`, roles: ["lead"] });
  parseOrNotFound(queueIdSchema, { queueId });
  await fetchOpenQueue(project.id, slug, queueId);
  await getQueryClient().prefetchQuery(trpc.goldItems.list.queryOptions({ projectId: project.id, queueId }));
  await getQueryClient().prefetchQuery(trpc.goldItems.listAccuracy.queryOptions({ projectId: project.id, queueId }));
  return (
    <HydrateClient>
      <GoldChecksPage projectId={project.id} slug={slug} queueId={queueId} role={project.role} />
    </HydrateClient>
  );
}
