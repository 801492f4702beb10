import type { Metadata } from "next";
import { ConflictsTable } from "@/components/resolution/conflicts-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { listConflictsSchema } from "@/server/resolution/schema";

export const metadata: Metadata = { title: "Conflicts" };

type ConflictsPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ queue?: string }> };

export default async function ConflictsPage({ params, searchParams }: ConflictsPageProps) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/conflicts`, roles: ["lead", "admin"] });
  const filter = listConflictsSchema.safeParse({ queueId: (await searchParams).queue });
  const queueId = filter.success ? filter.data.queueId : undefined;
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.resolution.listConflicts.queryOptions({ projectId: project.id, queueId }));
  void queryClient.prefetchQuery(trpc.queues.list.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <PageHeader title="Conflicts" description="Items whose reviewers disagreed. You decide the label and the gold correction; reviewers can watch." />
      <ConflictsTable projectId={project.id} slug={slug} initialQueueId={queueId} />
    </HydrateClient>
  );
}
