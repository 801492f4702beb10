"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";
import type { ListOutputsInput } from "@/server/outputs/schema";

export type ListedOutput = inferRouterOutputs<AppRouter>["outputs"]["list"]["outputs"][number];
export type OutputWithLineage = inferRouterOutputs<AppRouter>["outputs"]["get"];

/** One page of outputs; while the next filters load, the last page stays on screen (dimmed by the caller). */
export function useOutputsPage(projectId: string, input: Omit<ListOutputsInput, "limit">) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.outputs.list.queryOptions({ projectId, ...input }), placeholderData: keepPreviousData });
}

/** One output with its lineage and thread. */
export function useOutput(projectId: string, outputId: number) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.outputs.get.queryOptions({ projectId, outputId })).data;
}

/** Queues to pick from when adding outputs by hand (open queues only). */
export function useQueueChoices(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.queues.list.queryOptions({ projectId }));
}

/** Adds selected outputs to a queue; outputs, their lineage and queue progress are stale afterwards. */
export function useAddToQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.outputs.addToQueue.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.outputs.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() })]),
    }),
  );
}
