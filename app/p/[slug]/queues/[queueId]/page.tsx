import type { Metadata } from "next";
import { QueueDetail } from "@/components/queues/queue-detail";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Queue" };

type QueuePageProps = { params: Promise<{ slug: string; queueId: string }>; searchParams: Promise<{ scanned?: string; added?: string }> };

/** The new-queue form lands here with the result of its backfill in the query string. */
function readBackfillResult(query: { scanned?: string; added?: string }): { scanned: number; added: number } | null {
  const scanned = Number(query.scanned);
  const added = Number(query.added);
  return Number.isInteger(scanned) && Number.isInteger(added) && query.scanned && query.added ? { scanned, added } : null;
}

export default async function QueuePage({ params, searchParams }: QueuePageProps) {
  const { slug, queueId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}` });
  parseOrNotFound(queueIdSchema, { queueId });
  await fetchOrNotFound(trpc.queues.get.queryOptions({ projectId: project.id, queueId }));
  return (
    <HydrateClient>
      <QueueDetail
        projectId={project.id}
        slug={slug}
        queueId={queueId}
        canManage={hasAnyRole(project.role, ["lead"])}
        canReview={hasAnyRole(project.role, ["annotator"])}
        role={project.role}
        backfillResult={readBackfillResult(await searchParams)}
      />
    </HydrateClient>
  );
}
