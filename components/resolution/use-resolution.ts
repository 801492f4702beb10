"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

export function useConflicts(projectId: string, queueId: string | undefined) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.resolution.listConflicts.queryOptions({ projectId, queueId })).data;
}

/** The filter's choices: every queue of the project. */
export function useQueueChoices(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.queues.list.queryOptions({ projectId })).data.map((queue) => ({ id: queue.id, name: queue.name }));
}

/** Everything the adjudication page needs, and finalize; both refresh when another lead finalized first. */
export function useAdjudication(projectId: string, queueItemId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Polls while open, so a lead whose colleague finalized meanwhile sees that gold instead of deciding in vain.
  const conflict = useSuspenseQuery({
    ...trpc.resolution.getConflict.queryOptions({ projectId, queueItemId }),
    refetchInterval: (query) => (query.state.data?.gold && !query.state.data.revision ? false : 10_000),
  }).data;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.resolution.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() }),
    ]);
  // A ConflictError means someone else's gold now exists: refetch so the page shows it instead of the form.
  const finalize = useMutation(trpc.resolution.finalize.mutationOptions({ onSettled: refresh }));
  return { conflict, finalize };
}

/** The shared gold view of an item I submitted on; polls so the state badge turns to resolved when a lead finalizes. */
export function useSharedItem(projectId: string, queueItemId: number) {
  const trpc = useTRPC();
  return useSuspenseQuery({
    ...trpc.resolution.getShared.queryOptions({ projectId, queueItemId }),
    refetchInterval: (query) => (query.state.data?.item.state === "resolved" ? false : 5_000),
  }).data;
}

/** Every gold an item has had, newest first, and whether a lead has reopened it for revision. */
export function useGoldHistory(projectId: string, queueItemId: number) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.resolution.goldHistory.queryOptions({ projectId, queueItemId })).data;
}

/** Reopening and cancelling change the item's state, its history and the conflict list: all of resolution is stale. */
function useRefreshResolution() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.resolution.pathKey() });
}

export function useReopenGold() {
  const trpc = useTRPC();
  const refresh = useRefreshResolution();
  return useMutation(trpc.resolution.reopenGold.mutationOptions({ onSuccess: refresh }));
}

export function useCancelReopen() {
  const trpc = useTRPC();
  const refresh = useRefreshResolution();
  return useMutation(trpc.resolution.cancelReopen.mutationOptions({ onSuccess: refresh }));
}
