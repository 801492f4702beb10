import type { Metadata } from "next";
import { AlertDetail } from "@/components/loop-health/alert-detail";
import { alertIdSchema } from "@/server/alerts/schema";
import { fetchOrNotFound, parseOrNotFound, requireProjectPage } from "@/server/api/page-guards";
import { HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";

export const metadata: Metadata = { title: "Alert" };

export default async function AlertPage({ params }: { params: Promise<{ slug: string; alertId: string }> }) {
  const { slug, alertId } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/health/alerts/${alertId}`, roles: ["lead", "ml", "admin"] });
  parseOrNotFound(alertIdSchema, { alertId });
  await fetchOrNotFound(trpc.alerts.get.queryOptions({ projectId: project.id, alertId }));
  return (
    <HydrateClient>
      <AlertDetail projectId={project.id} slug={slug} alertId={alertId} canManage={hasAnyRole(project.role, ["lead", "admin"])} />
    </HydrateClient>
  );
}
