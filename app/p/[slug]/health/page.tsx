import type { Metadata } from "next";
import { ALERT_LIST_LIMIT } from "@/components/loop-health/alert-filters";
import { LoopHealthDashboard } from "@/components/loop-health/loop-health-dashboard";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata: Metadata = { title: "Loop health" };

export default async function LoopHealthPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/health`, roles: ["lead", "ml", "admin"] });
  void getQueryClient().prefetchQuery(trpc.loopHealth.overview.queryOptions({ projectId: project.id, granularity: "day" }));
  void getQueryClient().prefetchQuery(trpc.alerts.list.queryOptions({ projectId: project.id, limit: ALERT_LIST_LIMIT }));
  return (
    <HydrateClient>
      <LoopHealthDashboard projectId={project.id} slug={slug} />
    </HydrateClient>
  );
}
