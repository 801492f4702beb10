import type { Metadata } from "next";
import { CreateDatasetForm } from "@/components/datasets/create-dataset-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata: Metadata = { title: "New dataset" };

export default async function NewDatasetPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/datasets/new`, roles: ["ml", "admin"] });
  void getQueryClient().prefetchQuery(trpc.datasets.queueChoices.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <PageHeader
        title="New dataset"
        description="Pick the queues whose gold labels this dataset ships, which of them become training rows, and how rows are split. Nothing is frozen until you publish a release."
      />
      <CreateDatasetForm projectId={project.id} slug={slug} />
    </HydrateClient>
  );
}
