"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** The project's queues with whole-queue and personal progress. */
export function useQueues(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.queues.list.queryOptions({ projectId })).data;
}

export function useQueue(projectId: string, queueId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.queues.get.queryOptions({ projectId, queueId })).data;
}

/** Every queue query of the project is stale after a queue is created or backfilled. */
function useRefreshQueues() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() });
}

export function useCreateQueue() {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  return useMutation(trpc.queues.create.mutationOptions({ onSuccess: refresh }));
}

/** Applies a queue's rule to stored outputs; resolves to how many were scanned and added. */
export function useBackfill() {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  return useMutation(trpc.queues.backfill.mutationOptions({ onSuccess: refresh }));
}

/** Items I submitted that reached conflict or gold, for following their adjudication. */
export function useMyItems(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.review.myItems.queryOptions({ projectId })).data;
}

/** Changes a queue's holdout fraction, suggestion display, decoy rate and acceptable answers. */
export function useUpdateLoopSettings() {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  return useMutation(trpc.queues.updateLoopSettings.mutationOptions({ onSuccess: refresh }));
}

export function useUpdateQualitySettings() {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  return useMutation(trpc.queues.updateQualitySettings.mutationOptions({ onSuccess: refresh }));
}

/** Changes a queue's name, instructions, k, lease and sampling rule; resolves to what changed and what a lowered k settled. */
export function useUpdateQueue() {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  return useMutation(trpc.queues.update.mutationOptions({ onSuccess: refresh }));
}

export function useArchiveQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.queues.archive.mutationOptions({
      // Not awaited, and the archived queue's own query is left alone: refetching it now would only fail.
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.queues.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.queues.listArchived.queryKey() });
      },
    }),
  );
}

export function useRestoreQueue() {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  return useMutation(trpc.queues.restore.mutationOptions({ onSuccess: refresh }));
}

/** Saves a new version of a queue's label schema; resolves to the version, and how many open answers moved. */
export function useUpdateLabelSchema() {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  return useMutation(trpc.queues.updateLabelSchema.mutationOptions({ onSuccess: refresh }));
}
