import type { Metadata } from "next";
import { OutputsBrowser } from "@/components/outputs/browser/outputs-browser";
import { readOutputsSearchForm, toOutputsQuery } from "@/components/outputs/browser/outputs-search";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";
import { getPublicUrl } from "@/server/lib/env";

export const metadata: Metadata = { title: "Outputs" };

type OutputsPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Reads Next's search params into URLSearchParams, repeated parameters included. */
function toSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const item of typeof value === "string" ? [value] : (value ?? [])) params.append(key, item);
  return params;
}

export default async function OutputsPage({ params, searchParams }: OutputsPageProps) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/outputs`, roles: ["lead", "ml", "admin"] });
  const search = toSearchParams(await searchParams);
  const { input } = toOutputsQuery(readOutputsSearchForm(search), search.get("after"));
  // Awaited, not streamed: the list reads it with useQuery (to keep the last page on screen while the next
  // loads), which does not suspend. A pending prefetch would render "Loading outputs…" on the server while the
  // browser, finding the streamed answer already there, hydrates the table: a hydration mismatch.
  await getQueryClient().prefetchQuery(trpc.outputs.list.queryOptions({ projectId: project.id, ...input }));
  return (
    <HydrateClient>
      <PageHeader title="Outputs" description="Everything your model produced in production, as it arrived: search it, follow an output's lineage, and queue outputs for review by hand." />
      <OutputsBrowser projectId={project.id} slug={slug} publicUrl={getPublicUrl()} canQueue={hasAnyRole(project.role, ["lead"])} />
    </HydrateClient>
  );
}
