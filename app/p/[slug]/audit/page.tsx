import type { Metadata } from "next";
import { AuditList } from "@/components/audit/audit-list";
import { auditLogInput, nextAuditCursor } from "@/components/audit/audit-log-input";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/audit`, roles: ["admin"] });
  void getQueryClient().prefetchInfiniteQuery(trpc.audit.list.infiniteQueryOptions(auditLogInput(project.id), { getNextPageParam: nextAuditCursor }));
  return (
    <HydrateClient>
      <PageHeader title="Audit log" description="An append-only record of who changed what in this project, newest first." />
      <AuditList projectId={project.id} />
    </HydrateClient>
  );
}
