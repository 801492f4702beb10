import type { Metadata } from "next";
import { QueuesList } from "@/components/queues/queues-list";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";
import { getPublicUrl } from "@/server/lib/env";

export const metadata: Metadata = { title: "Queues" };

type QueuesPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ archived?: string | string[] }> };

export default async function QueuesPage({ params, searchParams }: QueuesPageProps) {
  const { slug } = await params;
  const { archived } = await searchParams;
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
        justArchived={typeof archived === "string" ? archived.slice(0, 120) : null}
      />
    </HydrateClient>
  );
}
