"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

export function useApiKeys(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useSuspenseQuery(trpc.apiKeys.list.queryOptions({ projectId })).data;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey({ projectId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.projects.overview.queryKey({ projectId }) }),
    ]);
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  return { keys, create, revoke };
}
