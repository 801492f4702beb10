import type { Metadata } from "next";
import { AnswerEditor } from "@/components/review/answer-editor";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { assignmentIdSchema } from "@/server/review/schema";
import { queueIdSchema } from "@/server/queues/schema";

export const metadata: Metadata = { title: "Your answer" };

type AnswerPageProps = { params: Promise<{ slug: string; queueId: string; assignmentId: string }> };

/** One of the caller's own answers, to read again or change while its item still collects answers. */
export default async function AnswerPage({ params }: AnswerPageProps) {
  const { slug, queueId, assignmentId: rawId } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/queues/${queueId}/review/answers/${rawId}`, roles: ["annotator"] });
  parseOrNotFound(queueIdSchema, { queueId });
  const { assignmentId } = parseOrNotFound(assignmentIdSchema, { assignmentId: Number(rawId) });
  await fetchOrNotFound(trpc.review.getAnswer.queryOptions({ projectId: project.id, assignmentId }));
  await getQueryClient().prefetchQuery(trpc.review.get.queryOptions({ projectId: project.id, assignmentId }));
  await getQueryClient().prefetchQuery(trpc.review.recentAnswers.queryOptions({ projectId: project.id, queueId }));
  return (
    <HydrateClient>
      <AnswerEditor projectId={project.id} slug={slug} queueId={queueId} assignmentId={assignmentId} userName={user.name} />
    </HydrateClient>
  );
}
