import type { Metadata } from "next";
import { ArchiveQueueCard } from "@/components/queues/archive-queue-card";
import { EditLabelSchemaForm } from "@/components/queues/edit-label-schema-form";
import { EditQueueForm } from "@/components/queues/edit-queue-form";
import { QueueBreadcrumb } from "@/components/queues/queue-breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { fetchOpenQueue, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient } from "@/server/api/rsc";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Edit queue" };

export default async function EditQueuePage({ params }: { params: Promise<{ slug: string; queueId: string }> }) {
  const { slug, queueId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/edit`, roles: ["lead", "admin"] });
  parseOrNotFound(queueIdSchema, { queueId });
  const queue = await fetchOpenQueue(project.id, slug, queueId);
  return (
    <HydrateClient>
      <QueueBreadcrumb slug={slug} queueId={queueId} queueName={queue.name} section="Edit" />
      <PageHeader title={`Edit ${queue.name}`} description="Every change is audited with what it replaced. A change to the label makes a new schema version." />
      <div className="space-y-6">
        <EditQueueForm projectId={project.id} slug={slug} queueId={queueId} />
        <EditLabelSchemaForm projectId={project.id} queueId={queueId} labelSchema={queue.labelSchema} version={queue.schemaVersion} />
        <ArchiveQueueCard projectId={project.id} slug={slug} queueId={queueId} queueName={queue.name} />
      </div>
    </HydrateClient>
  );
}
