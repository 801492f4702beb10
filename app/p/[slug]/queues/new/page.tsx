import type { Metadata } from "next";
import { NewQueueForm } from "@/components/queues/new-queue-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";

export const metadata: Metadata = { title: "New queue" };

export default async function NewQueuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/new`, roles: ["lead", "admin"] });
  return (
    <>
      <PageHeader
        title="New queue"
        description="Say what to look at and how to judge it. Matching outputs are sampled into the queue as they are ingested."
      />
      <NewQueueForm projectId={project.id} slug={slug} />
    </>
  );
}
