"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** Members and invites of a project, with mutations that refresh both lists. */
export function useMembers(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useSuspenseQuery(trpc.members.list.queryOptions({ projectId })).data;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ projectId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.invites.list.queryKey({ projectId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.projects.overview.queryKey({ projectId }) }),
    ]);
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: refresh }));
  return { members, changeRole, remove, refresh };
}

export function useInvites(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invites = useSuspenseQuery(trpc.invites.list.queryOptions({ projectId })).data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.invites.list.queryKey({ projectId }) });
  const create = useMutation(trpc.invites.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.invites.revoke.mutationOptions({ onSuccess: refresh }));
  return { invites, create, revoke };
}
