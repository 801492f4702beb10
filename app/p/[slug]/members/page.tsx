import type { Metadata } from "next";
import { InvitesCard } from "@/components/members/invites-card";
import { MembersTable } from "@/components/members/members-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireProjectPage } from "@/server/api/page-guards";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getMailer } from "@/server/mail/mailer";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, project } = await requireProjectPage(slug, { returnTo: `/p/${slug}/members`, roles: ["lead", "admin"] });
  const isAdmin = project.role === "admin";
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.members.list.queryOptions({ projectId: project.id }));
  if (isAdmin) void queryClient.prefetchQuery(trpc.invites.list.queryOptions({ projectId: project.id }));
  return (
    <HydrateClient>
      <PageHeader title="Members" description="Who works in this project, and as what. Removing someone takes effect on their next request." />
      <div className="space-y-6">
        <MembersTable projectId={project.id} canManage={isAdmin} currentUserId={user.id} />
        {isAdmin && <InvitesCard projectId={project.id} canEmail={getMailer() !== null} />}
      </div>
    </HydrateClient>
  );
}
