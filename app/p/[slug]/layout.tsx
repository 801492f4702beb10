import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireProjectPage } from "@/server/api/page-guards";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, project, projects } = await requireProjectPage(slug, { returnTo: `/p/${slug}` });
  return (
    <AppShell user={user} project={project} projects={projects}>
      {children}
    </AppShell>
  );
}
