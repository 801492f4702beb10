import type { Metadata } from "next";
import { ArchivedQueue } from "@/components/queues/archived-queue";
import { QueueDetail } from "@/components/queues/queue-detail";
import { fetchQueueOrArchived, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient } from "@/server/api/rsc";
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
  const canManage = hasAnyRole(project.role, ["lead"]);
  const { archived } = await fetchQueueOrArchived(project.id, queueId);
  if (archived) return <ArchivedQueue projectId={project.id} slug={slug} queue={archived} canManage={canManage} />;
  return (
    <HydrateClient>
      <QueueDetail
        projectId={project.id}
        slug={slug}
        queueId={queueId}
        canManage={canManage}
        canReview={hasAnyRole(project.role, ["annotator"])}
        role={project.role}
        backfillResult={readBackfillResult(await searchParams)}
      />
    </HydrateClient>
  );
}
