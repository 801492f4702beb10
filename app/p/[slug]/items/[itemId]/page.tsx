import type { Metadata } from "next";
import { UseAsGoldCheckButton } from "@/components/gold-items/use-as-gold-check-button";
import { RemoveItemButton } from "@/components/queues/remove-item-button";
import { SharedItemView } from "@/components/resolution/shared-item-view";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";
import { queueItemIdSchema } from "@/server/resolution/schema";

export const metadata: Metadata = { title: "Shared gold" };

export default async function SharedItemPage({ params }: { params: Promise<{ slug: string; itemId: string }> }) {
  const { slug, itemId } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/items/${itemId}` });
  const { queueItemId } = parseOrNotFound(queueItemIdSchema, { queueItemId: Number(itemId) });
  // Only reviewers who submitted on the item (and leads) may look; the service decides, the page maps its answer.
  await fetchOrNotFound(trpc.resolution.getShared.queryOptions({ projectId: project.id, queueItemId }));
  // The gold history has the same access as the shared view, so it cannot fail where that did not.
  await getQueryClient().prefetchQuery(trpc.resolution.goldHistory.queryOptions({ projectId: project.id, queueItemId }));
  return (
    <HydrateClient>
      <SharedItemView
        projectId={project.id}
        slug={slug}
        queueItemId={queueItemId}
        userName={user.name}
        action={
          hasAnyRole(project.role, ["lead"]) ? (
            <div className="flex items-start gap-2">
              <RemoveItemButton projectId={project.id} slug={slug} queueItemId={queueItemId} />
              <UseAsGoldCheckButton projectId={project.id} queueItemId={queueItemId} />
            </div>
          ) : undefined
        }
      />
    </HydrateClient>
  );
}
