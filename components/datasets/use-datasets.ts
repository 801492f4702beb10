"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** The project's datasets with their latest release and how many rows a release would hold now. */
export function useDatasets(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.datasets.list.queryOptions({ projectId })).data;
}

/** One dataset with its queues, releases (newest first) and what the next release would change. */
export function useDataset(projectId: string, datasetId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.datasets.get.queryOptions({ projectId, datasetId })).data;
}

/** The queues a dataset can draw gold labels from. */
export function useQueueChoices(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.queues.list.queryOptions({ projectId })).data;
}

/** Every dataset query of the project is stale after a dataset is created or a release published. */
function useRefreshDatasets() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.datasets.pathKey() });
}

export function useCreateDataset() {
  const trpc = useTRPC();
  const refresh = useRefreshDatasets();
  return useMutation(trpc.datasets.create.mutationOptions({ onSuccess: refresh }));
}

export function usePublishRelease() {
  const trpc = useTRPC();
  const refresh = useRefreshDatasets();
  return useMutation(trpc.datasets.publish.mutationOptions({ onSuccess: refresh }));
}
