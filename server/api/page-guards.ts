import "server-only";
import type { FetchQueryOptions, QueryKey } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
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

/** A route segment parsed with the domain's id schema; a segment the schema refuses is a 404, not an error. */
export function parseOrNotFound<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * Fetches a tRPC query into the request's QueryClient, awaited rather than streamed, so `HydrateClient`
 * hands it down and the service's NOT_FOUND becomes the 404 page and FORBIDDEN the 403 page instead of an
 * error boundary. Other errors propagate.
 */
export async function fetchOrNotFound<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<TData> {
  try {
    return await getQueryClient().fetchQuery(options);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TRPCError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}

/**
 * A queue page's queue: the open queue, fetched for the client as `fetchOrNotFound` does, or, when the queue is
 * archived, its name and date, so the page says it is archived (and leads can restore it) rather than 404.
 * A queue the project never had is still a 404.
 */
export async function fetchQueueOrArchived(projectId: string, queueId: string) {
  try {
    return { queue: await getQueryClient().fetchQuery(trpc.queues.get.queryOptions({ projectId, queueId })), archived: null };
  } catch (error) {
    if (!(error instanceof TRPCError && error.code === "NOT_FOUND")) throw error;
  }
  return { queue: null, archived: await fetchOrNotFound(trpc.queues.getArchived.queryOptions({ projectId, queueId })) };
}

/** The open queue behind one of its sub-pages; an archived queue sends the visitor to its main page, which says so. */
export async function fetchOpenQueue(projectId: string, slug: string, queueId: string) {
  const { queue } = await fetchQueueOrArchived(projectId, queueId);
  if (!queue) redirect(`/p/${slug}/queues/${queueId}`);
  return queue;
}
