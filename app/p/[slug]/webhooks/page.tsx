import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksList } from "@/components/webhooks/webhooks-list";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/webhooks`, roles: ["ml", "admin"] });
  void getQueryClient().prefetchQuery(trpc.webhooks.list.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <PageHeader title="Webhooks" description="Push curation events to your pipelines: signed, retried for a day, and logged attempt by attempt." />
      <WebhooksList projectId={project.id} slug={slug} />
    </HydrateClient>
  );
}
