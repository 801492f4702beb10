import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { getSessionUser } from "@/server/auth/session";
import type { SessionUser } from "@/server/users/schema";
import { getQueryClient, trpc } from "./rsc";

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. Cached per request. */
export const requireUser = cache(async (returnTo: string): Promise<SessionUser> => {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
});

/**
 * The project behind a `/p/[slug]` page and the user's role in it. Non-members and members without one of
 * `roles` get a 403 page; membership is re-read on every request, so a removed member is refused at once.
 */
export async function requireProjectPage(slug: string, options: { returnTo: string; roles?: ProjectRole[] }) {
  const user = await requireUser(options.returnTo);
  const projects = await getQueryClient().fetchQuery(trpc.projects.list.queryOptions());
  const project = projects.find((candidate) => candidate.slug === slug);
  if (!project) forbidden();
  if (options.roles && !hasAnyRole(project.role, options.roles)) forbidden();
  return { user, project, projects };
}
