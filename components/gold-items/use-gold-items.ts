"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";

type GoldItemsOutputs = inferRouterOutputs<AppRouter>["goldItems"];
export type GoldItemRow = GoldItemsOutputs["list"]["items"][number];
export type GoldAccuracyRow = GoldItemsOutputs["listAccuracy"][number];
export type PauseRow = GoldItemsOutputs["listPauses"][number];

/** A queue's gold items, its gold-check settings and how much gold could still be marked. */
export function useGoldItems(projectId: string, queueId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.goldItems.list.queryOptions({ projectId, queueId })).data;
}

/** Each annotator's accuracy on the queue's gold checks, with its Wilson interval. */
export function useGoldAccuracy(projectId: string, queueId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.goldItems.listAccuracy.queryOptions({ projectId, queueId })).data;
}

/** Pauses on the queue; not suspending, so a notice can sit on any page and show nothing until it knows. */
export function usePauses(projectId: string, queueId: string, includeLifted = false) {
  const trpc = useTRPC();
  return useQuery(trpc.goldItems.listPauses.queryOptions({ projectId, queueId, includeLifted }));
}

/** Every gold-items query is stale after any change to gold items or pauses. */
function useRefreshGoldItems() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.goldItems.pathKey() });
}

export function useAddFromGold() {
  const trpc = useTRPC();
  const refresh = useRefreshGoldItems();
  return useMutation(trpc.goldItems.addFromGold.mutationOptions({ onSuccess: refresh }));
}

export function useAddTopGold() {
  const trpc = useTRPC();
  const refresh = useRefreshGoldItems();
  return useMutation(trpc.goldItems.addTopGold.mutationOptions({ onSuccess: refresh }));
}

export function useImportGoldCsv() {
  const trpc = useTRPC();
  const refresh = useRefreshGoldItems();
  return useMutation(trpc.goldItems.importCsv.mutationOptions({ onSuccess: refresh }));
}

export function useRetireGoldItem() {
  const trpc = useTRPC();
  const refresh = useRefreshGoldItems();
  return useMutation(trpc.goldItems.retire.mutationOptions({ onSuccess: refresh }));
}

export function useLiftPause() {
  const trpc = useTRPC();
  const refresh = useRefreshGoldItems();
  return useMutation(trpc.goldItems.liftPause.mutationOptions({ onSuccess: refresh }));
}
