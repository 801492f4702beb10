import type { Metadata } from "next";
import { AdjudicationView } from "@/components/resolution/adjudication-view";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { queueItemIdSchema } from "@/server/resolution/schema";

export const metadata: Metadata = { title: "Adjudicate" };

export default async function AdjudicatePage({ params }: { params: Promise<{ slug: string; itemId: string }> }) {
  const { slug, itemId } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/conflicts/${itemId}`, roles: ["lead", "admin"] });
  const { queueItemId } = parseOrNotFound(queueItemIdSchema, { queueItemId: Number(itemId) });
  await fetchOrNotFound(trpc.resolution.getConflict.queryOptions({ projectId: project.id, queueItemId }));
  return (
    <HydrateClient>
      <AdjudicationView projectId={project.id} slug={slug} queueItemId={queueItemId} userName={user.name} />
    </HydrateClient>
  );
}
