import type { Metadata } from "next";
import { DatasetDetail } from "@/components/datasets/dataset-detail";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";
import { datasetIdSchema } from "@/server/datasets/schema";
import { getPublicUrl } from "@/server/lib/env";

export const metadata: Metadata = { title: "Dataset" };

export default async function DatasetPage({ params }: { params: Promise<{ slug: string; datasetId: string }> }) {
  const { slug, datasetId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/datasets/${datasetId}`, roles: ["lead", "ml", "admin"] });
  parseOrNotFound(datasetIdSchema, { datasetId });
  // Awaited rather than streamed, so an unknown dataset becomes a 404 page instead of an error boundary.
  await fetchOrNotFound(trpc.datasets.get.queryOptions({ projectId: project.id, datasetId }));
  return (
    <HydrateClient>
      <DatasetDetail
        projectId={project.id}
        slug={slug}
        datasetId={datasetId}
        publicUrl={getPublicUrl()}
        canPublish={hasAnyRole(project.role, ["ml"])}
        canManageKeys={project.role === "admin"}
      />
    </HydrateClient>
  );
}
