import type { Metadata } from "next";
import { OutputDetail } from "@/components/outputs/detail/output-detail";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";
import { outputIdSchema } from "@/server/outputs/schema";

export const metadata: Metadata = { title: "Output" };

export default async function OutputPage({ params }: { params: Promise<{ slug: string; outputId: string }> }) {
  const { slug, outputId: rawId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/outputs/${rawId}`, roles: ["lead", "ml", "admin"] });
  const { outputId } = parseOrNotFound(outputIdSchema, { outputId: Number(rawId) });
  await fetchOrNotFound(trpc.outputs.get.queryOptions({ projectId: project.id, outputId }));
  return (
    <HydrateClient>
      <OutputDetail projectId={project.id} slug={slug} outputId={outputId} canOpenItems={hasAnyRole(project.role, ["lead"])} />
    </HydrateClient>
  );
}
