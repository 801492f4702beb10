import type { Metadata } from "next";
import { InferencePage } from "@/components/truth/inference-page";
import { fetchOpenQueue, fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Truth inference" };

type InferenceRouteProps = { params: Promise<{ slug: string; queueId: string }> };

/** Leads and ML teams only: reliability numbers about named annotators are not for their peers. */
export default async function InferenceRoute({ params }: InferenceRouteProps) {
  const { slug, queueId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/inference`, roles: ["lead", "ml"] });
  parseOrNotFound(queueIdSchema, { queueId });
  // An archived queue sends the visitor to its page, which says so.
  await fetchOpenQueue(project.id, slug, queueId);
  await fetchOrNotFound(trpc.truth.latestFit.queryOptions({ projectId: project.id, queueId }));
  void getQueryClient().prefetchQuery(trpc.truth.listFlags.queryOptions({ projectId: project.id, queueId, includeClosed: false }));
  return (
    <HydrateClient>
      <InferencePage projectId={project.id} slug={slug} queueId={queueId} canManage={hasAnyRole(project.role, ["lead"])} role={project.role} />
    </HydrateClient>
  );
}
