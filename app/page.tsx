import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { LoadDemoProject } from "@/components/projects/load-demo-project";
import { LAST_PROJECT_COOKIE } from "@/components/shell/last-project-cookie";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/session";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) {
    const { isSetupNeeded } = await getQueryClient().fetchQuery(trpc.setup.status.queryOptions());
    redirect(isSetupNeeded ? "/setup" : "/signin");
  }
  const projects = await getQueryClient().fetchQuery(trpc.projects.list.queryOptions());
  const lastSlug = (await cookies()).get(LAST_PROJECT_COOKIE)?.value;
  const target = projects.find((project) => project.slug === lastSlug) ?? projects[0];
  if (target) redirect(`/p/${target.slug}`);

  if (user.isInstanceAdmin) {
    return (
      <AuthCard title="Create your first project" description="A project holds one AI system's outputs, its review queues, its team and its datasets.">
        <CreateProjectForm />
        <div className="mt-6 border-t border-zinc-200 pt-6">
          <LoadDemoProject />
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Welcome, ${user.name}`} description="You are not a member of any project yet.">
      <p className="text-sm text-zinc-600">Ask a project admin for an invite link. Opening it while signed in adds you to the project.</p>
      <div className="mt-6">
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
