import type { Metadata } from "next";
import { QueuesList } from "@/components/queues/queues-list";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";
import { getPublicUrl } from "@/server/lib/env";

export const metadata: Metadata = { title: "Queues" };

export default async function QueuesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues` });
  const canReview = hasAnyRole(project.role, ["annotator"]);
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.queues.list.queryOptions({ projectId: project.id }));
  if (canReview) void queryClient.prefetchQuery(trpc.review.myItems.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <QueuesList
        projectId={project.id}
        slug={slug}
        publicUrl={getPublicUrl()}
        canManage={hasAnyRole(project.role, ["lead"])}
        canReview={canReview}
        isAnnotator={project.role === "annotator"}
      />
    </HydrateClient>
  );
}
