import type { Metadata } from "next";
import { z } from "zod";
import { AnnotatorDetail } from "@/components/annotator-analytics/annotator-detail";
import { listAnnotatorAnalyticsSchema } from "@/server/annotator-analytics/schema";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";

export const metadata: Metadata = { title: "Annotator" };

type AnnotatorPageProps = { params: Promise<{ slug: string; userId: string }>; searchParams: Promise<{ queue?: string }> };

/** One person's analytics: a lead may open anyone's, every other member only their own (anyone else's is the 403 page). */
export default async function AnnotatorPage({ params, searchParams }: AnnotatorPageProps) {
  const { slug, userId: rawUserId } = await params;
  const userId = parseOrNotFound(z.uuid(), rawUserId);
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/annotators/${userId}` });
  const filter = listAnnotatorAnalyticsSchema.safeParse({ queueId: (await searchParams).queue });
  const queueId = filter.success ? filter.data.queueId : undefined;
  await fetchOrNotFound(trpc.annotatorAnalytics.get.queryOptions({ projectId: project.id, userId, queueId }));
  return (
    <HydrateClient>
      <AnnotatorDetail
        projectId={project.id}
        slug={slug}
        userId={userId}
        initialQueueId={queueId}
        isOwnPage={userId === user.id}
        canSeeEveryone={hasAnyRole(project.role, ["lead"])}
      />
    </HydrateClient>
  );
}
