"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";

export type QueueFitView = inferRouterOutputs<AppRouter>["truth"]["latestFit"];
export type FieldFit = QueueFitView["fields"][number];

/** How often the page looks again while a refit is queued or running. */
const REFIT_POLL_MS = 1_000;

/** The queue's latest fit per field and its newest refit request, polled while a refit is under way. */
export function useQueueFit(projectId: string, queueId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery({
    ...trpc.truth.latestFit.queryOptions({ projectId, queueId }),
    refetchInterval: (query) => (query.state.data?.refit?.state === "queued" || query.state.data?.refit?.state === "running" ? REFIT_POLL_MS : false),
  }).data;
}

export function useRefitFlags(projectId: string, queueId: string, includeClosed: boolean) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.truth.listFlags.queryOptions({ projectId, queueId, includeClosed })).data;
}

/** Everything on the page is stale after a refit is asked for or a flag is closed. */
function useRefreshTruth() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.truth.pathKey() });
}

export function useRefit() {
  const trpc = useTRPC();
  const refresh = useRefreshTruth();
  return useMutation(trpc.truth.refit.mutationOptions({ onSuccess: refresh }));
}

export function useDismissFlag() {
  const trpc = useTRPC();
  const refresh = useRefreshTruth();
  return useMutation(trpc.truth.dismissFlag.mutationOptions({ onSuccess: refresh }));
}

export function useReopenFromFlag() {
  const trpc = useTRPC();
  const refresh = useRefreshTruth();
  return useMutation(trpc.truth.reopenFromFlag.mutationOptions({ onSuccess: refresh }));
}
