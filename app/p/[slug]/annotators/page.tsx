import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AnnotatorsTable } from "@/components/annotator-analytics/annotators-table";
import { PageHeader } from "@/components/ui/page-header";
import { listAnnotatorAnalyticsSchema } from "@/server/annotator-analytics/schema";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";

export const metadata: Metadata = { title: "Annotators" };

type AnnotatorsPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ queue?: string }> };

/** Leads see everyone; every other member lands on their own page. */
export default async function AnnotatorsPage({ params, searchParams }: AnnotatorsPageProps) {
  const { slug } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/annotators` });
  if (!hasAnyRole(project.role, ["lead"])) redirect(`/p/${slug}/annotators/${user.id}`);
  const filter = listAnnotatorAnalyticsSchema.safeParse({ queueId: (await searchParams).queue });
  const queueId = filter.success ? filter.data.queueId : undefined;
  void getQueryClient().prefetchQuery(trpc.annotatorAnalytics.list.queryOptions({ projectId: project.id, queueId }));
  return (
    <HydrateClient>
      <PageHeader
        title="Annotators"
        description="Each person's work and quality: answers per day, speed, skips, accuracy on gold checks, Dawid–Skene reliability and agreement with the others. Open a person for their charts."
      />
      <AnnotatorsTable projectId={project.id} slug={slug} initialQueueId={queueId} />
    </HydrateClient>
  );
}
