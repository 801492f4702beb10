import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdjudicationView } from "@/components/resolution/adjudication-view";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { queueItemIdSchema } from "@/server/resolution/schema";

export const metadata: Metadata = { title: "Adjudicate" };

export default async function AdjudicatePage({ params }: { params: Promise<{ slug: string; itemId: string }> }) {
  const { slug, itemId } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/conflicts/${itemId}`, roles: ["lead", "admin"] });
  const parsed = queueItemIdSchema.safeParse({ queueItemId: Number(itemId) });
  if (!parsed.success) notFound();
  const { queueItemId } = parsed.data;
  await getQueryClient()
    .fetchQuery(trpc.resolution.getConflict.queryOptions({ projectId: project.id, queueItemId }))
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  return (
    <HydrateClient>
      <AdjudicationView projectId={project.id} slug={slug} queueItemId={queueItemId} userName={user.name} />
    </HydrateClient>
  );
}
