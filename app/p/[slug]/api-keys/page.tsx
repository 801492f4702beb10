import type { Metadata } from "next";
import { ApiKeysCard } from "@/components/api-keys/api-keys-card";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getPublicUrl } from "@/server/lib/env";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/api-keys`, roles: ["admin"] });
  void getQueryClient().prefetchQuery(trpc.apiKeys.list.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <PageHeader title="API keys" description="Machine access to this project: ingest from production, pull datasets from training pipelines." />
      <ApiKeysCard projectId={project.id} publicUrl={getPublicUrl()} />
    </HydrateClient>
  );
}
