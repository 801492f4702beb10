import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { SharedItemView } from "@/components/resolution/shared-item-view";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { queueItemIdSchema } from "@/server/resolution/schema";

export const metadata: Metadata = { title: "Shared gold" };

export default async function SharedItemPage({ params }: { params: Promise<{ slug: string; itemId: string }> }) {
  const { slug, itemId } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/items/${itemId}` });
  const parsed = queueItemIdSchema.safeParse({ queueItemId: Number(itemId) });
  if (!parsed.success) notFound();
  const { queueItemId } = parsed.data;
  // Only reviewers who submitted on the item (and leads) may look; the service decides, the page maps its answer.
  await getQueryClient()
    .fetchQuery(trpc.resolution.getShared.queryOptions({ projectId: project.id, queueItemId }))
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      if (error instanceof TRPCError && error.code === "FORBIDDEN") forbidden();
      throw error;
    });
  return (
    <HydrateClient>
      <SharedItemView projectId={project.id} slug={slug} queueItemId={queueItemId} userName={user.name} />
    </HydrateClient>
  );
}
