import type { Metadata } from "next";
import { ProjectOverview } from "@/components/projects/project-overview";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getPublicUrl } from "@/server/lib/env";

export const metadata: Metadata = { title: "Overview" };

export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}` });
  void getQueryClient().prefetchQuery(trpc.projects.overview.queryOptions({ projectId: project.id }));
  void getQueryClient().prefetchQuery(trpc.projects.activity.queryOptions({ projectId: project.id }));
  void getQueryClient().prefetchQuery(trpc.loopHealth.tile.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <ProjectOverview projectId={project.id} slug={slug} publicUrl={getPublicUrl()} />
    </HydrateClient>
  );
}
