import type { Metadata } from "next";
import Link from "next/link";
import { DetectorToggles } from "@/components/loop-health/detector-toggles";
import { LoopSettingsCard } from "@/components/loop-health/loop-settings-card";
import { RulesCard } from "@/components/loop-health/rules-card";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";

export const metadata: Metadata = { title: "Alert rules" };

export default async function AlertRulesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/health/rules`, roles: ["lead", "ml", "admin"] });
  const projectId = project.id;
  void getQueryClient().prefetchQuery(trpc.alerts.rules.list.queryOptions({ projectId }));
  void getQueryClient().prefetchQuery(trpc.alerts.detectors.list.queryOptions({ projectId }));
  void getQueryClient().prefetchQuery(trpc.queues.list.queryOptions({ projectId }));
  void getQueryClient().prefetchQuery(trpc.metrics.getLoopSettings.queryOptions({ projectId }));
  const canManage = hasAnyRole(project.role, ["lead", "admin"]);
  return (
    <HydrateClient>
      <Link href={`/p/${slug}/health`} className="text-sm text-zinc-500 hover:text-zinc-900">
        ← Loop health
      </Link>
      <PageHeader title="Rules and detectors" description="What raises an alert: the built-in detectors, with thresholds from a null distribution, your own threshold rules, and the windows and keys the loop watches." />
      <div className="space-y-6">
        <RulesCard projectId={projectId} canManage={canManage} />
        <DetectorToggles projectId={projectId} canManage={canManage} />
        <LoopSettingsCard projectId={projectId} canManage={canManage} />
      </div>
    </HydrateClient>
  );
}
