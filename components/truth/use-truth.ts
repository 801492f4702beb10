"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";

export type QueueFitView = inferRouterOutputs<AppRouter>["truth"]["latestFit"];
export type FieldFit = QueueFitView["fields"][number];

/** How often the page looks again while a refit is queued or running. */
const REFIT_POLL_MS = 1_000;

const isUnderWay = (state: string | undefined) => state === "queued" || state === "running";

/**
 * The queue's latest fit per field and its newest refit request, polled while a refit is under way; when
 * one ends, the flags it raised or closed are fetched again too.
 */
export function useQueueFit(projectId: string, queueId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const view = useSuspenseQuery({
    ...trpc.truth.latestFit.queryOptions({ projectId, queueId }),
    refetchInterval: (query) => (isUnderWay(query.state.data?.refit?.state) ? REFIT_POLL_MS : false),
  }).data;
  // A refit that ended (or a new one that ended before the page saw it under way) may have raised or closed flags.
  const refitKey = `${view.refit?.id ?? "none"}:${view.refit?.state ?? "none"}`;
  const seenRefitKey = useRef(refitKey);
  useEffect(() => {
    if (seenRefitKey.current === refitKey) return;
    seenRefitKey.current = refitKey;
    if (!isUnderWay(view.refit?.state)) void queryClient.invalidateQueries({ queryKey: trpc.truth.listFlags.pathKey() });
  }, [refitKey, view.refit?.state, queryClient, trpc]);
  return view;
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
