import type { Metadata } from "next";
import { ReviewWorkbench } from "@/components/review/review-workbench";
import { fetchOpenQueue, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient } from "@/server/api/rsc";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ slug: string; queueId: string }> }) {
  const { slug, queueId } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/review`, roles: ["annotator"] });
  parseOrNotFound(queueIdSchema, { queueId });
  // Awaited, so an unknown queue is a 404 and an archived one sends the annotator to its page, not an error inside the workbench.
  await fetchOpenQueue(project.id, slug, queueId);
  return (
    <HydrateClient>
      <ReviewWorkbench projectId={project.id} queueId={queueId} slug={slug} userName={user.name} />
    </HydrateClient>
  );
}
