import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewWorkbench } from "@/components/review/review-workbench";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ slug: string; queueId: string }> }) {
  const { slug, queueId } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/review`, roles: ["annotator"] });
  if (!queueIdSchema.safeParse({ queueId }).success) notFound();
  // Awaited, so an unknown or archived queue is a 404 rather than an error inside the workbench.
  await getQueryClient()
    .fetchQuery(trpc.queues.get.queryOptions({ projectId: project.id, queueId }))
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  return (
    <HydrateClient>
      <ReviewWorkbench projectId={project.id} queueId={queueId} slug={slug} userName={user.name} />
    </HydrateClient>
  );
}
