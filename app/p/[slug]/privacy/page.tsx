import type { Metadata } from "next";
import { EraseEndUserCard } from "@/components/privacy/erase-end-user-card";
import { PrivacySettingsForm } from "@/components/privacy/privacy-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasAnyRole } from "@/server/auth/roles";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/privacy`, roles: ["lead", "admin"] });
  await getQueryClient().prefetchQuery(trpc.privacy.getSettings.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <PageHeader title="Privacy" description="Personal data is redacted before it is stored, by rules you can test here. Admins can erase an end user." />
      <div className="space-y-6">
        <PrivacySettingsForm projectId={project.id} />
        {hasAnyRole(project.role, ["admin"]) ? (
          <EraseEndUserCard projectId={project.id} />
        ) : (
          <p className="text-sm text-zinc-500">Erasing an end user needs the admin role.</p>
        )}
      </div>
    </HydrateClient>
  );
}
