import type { Metadata } from "next";
import { QueueBreadcrumb } from "@/components/queues/queue-breadcrumb";
import { QueueItems } from "@/components/queues/queue-items";
import { QueueTabs } from "@/components/queues/queue-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { fetchOpenQueue, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient } from "@/server/api/rsc";
import { primaryChoiceField, queueIdSchema, queueItemListStates, type QueueItemListState } from "@/server/queues/schema";
import { listAgreementDimensions } from "@/server/agreement/dimensions";

export const metadata: Metadata = { title: "Queue items" };

type QueueItemsPageProps = { params: Promise<{ slug: string; queueId: string }>; searchParams: Promise<{ state?: string | string[] }> };

export default async function QueueItemsPage({ params, searchParams }: QueueItemsPageProps) {
  const { slug, queueId } = await params;
  // Leads only, as each item's history is: the list shows gold and conflicts.
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/items`, roles: ["lead"] });
  parseOrNotFound(queueIdSchema, { queueId });
  const queue = await fetchOpenQueue(project.id, slug, queueId);
  const { state } = await searchParams;
  const shownState: QueueItemListState = queueItemListStates.find((candidate) => candidate === state) ?? "all";
  return (
    <HydrateClient>
      <QueueBreadcrumb slug={slug} queueId={queueId} queueName={queue.name} section="Items" />
      <PageHeader title="Items" description="Every item the queue has taken, newest first. Open one to see its answers, gold and history." />
      <QueueTabs slug={slug} queueId={queueId} role={project.role} hasChoiceField={primaryChoiceField(queue.labelSchema) !== undefined}
        hasAgreementField={listAgreementDimensions(queue.labelSchema).length > 0}
      />
      <QueueItems projectId={project.id} slug={slug} queueId={queueId} labelSchema={queue.labelSchema} state={shownState} />
    </HydrateClient>
  );
}
