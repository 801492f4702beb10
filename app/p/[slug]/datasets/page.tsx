import type { Metadata } from "next";
import { DatasetsList } from "@/components/datasets/datasets-list";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/datasets`, roles: ["lead", "ml", "admin"] });
  void getQueryClient().prefetchQuery(trpc.datasets.list.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <DatasetsList projectId={project.id} slug={slug} canCreate={hasAnyRole(project.role, ["ml"])} />
    </HydrateClient>
  );
}
