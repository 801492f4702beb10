"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/trpc/provider";

/** The project's datasets with their latest release and how many rows a release would hold now. */
export function useDatasets(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.datasets.list.queryOptions({ projectId })).data;
}

/** How often the page asks again while a release is being published, so its progress bar moves. */
const PROGRESS_POLL_MS = 1_000;

/** One dataset with its queues, releases (newest first) and what the next release would change. */
export function useDataset(projectId: string, datasetId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.datasets.get.queryOptions({ projectId, datasetId })).data;
}

/**
 * While a release is being built, polls its progress alone (the dataset's own query counts and diffs every
 * eligible row, too much to ask every second of a big dataset), and refreshes the dataset once it is done.
 */
export function useReleaseProgress(projectId: string, datasetId: string, isWatching: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const progress = useQuery({ ...trpc.datasets.releaseProgress.queryOptions({ projectId, datasetId }), enabled: isWatching, refetchInterval: isWatching ? PROGRESS_POLL_MS : false });
  const isDone = progress.data !== undefined && !progress.data.some((release) => release.status === "queued" || release.status === "publishing");
  useEffect(() => {
    if (isWatching && isDone) void queryClient.invalidateQueries({ queryKey: trpc.datasets.pathKey() });
  }, [isWatching, isDone, queryClient, trpc]);
  return isWatching ? progress.data : undefined;
}

type ReleaseRef = { projectId: string; datasetId: string; release: number };

/** A page of a published release's rows; the previous page stays on screen while the next loads. */
export function useReleaseRows(input: ReleaseRef & { split?: "train" | "validation" | "test"; label?: string; change?: "added" | "relabelled" | "unchanged"; search?: string; page: number }) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.datasets.releaseRows.queryOptions(input), placeholderData: keepPreviousData });
}

/** A page of what changed from the previous published release to this one, row by row. */
export function useReleaseChanges(input: ReleaseRef & { change?: "added" | "removed" | "relabelled"; page: number }) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.datasets.releaseChanges.queryOptions(input), placeholderData: keepPreviousData });
}

/** Rows per split and label value of a published release. */
export function useClassBalance(input: ReleaseRef) {
  const trpc = useTRPC();
  return useQuery(trpc.datasets.classBalance.queryOptions(input));
}

/** The queues a dataset can draw gold labels from, with their label schemas. */
export function useQueueChoices(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.datasets.queueChoices.queryOptions({ projectId })).data;
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

export function useUpdateDataset() {
  const trpc = useTRPC();
  const refresh = useRefreshDatasets();
  return useMutation(trpc.datasets.update.mutationOptions({ onSuccess: refresh }));
}

export function useRetryRelease() {
  const trpc = useTRPC();
  const refresh = useRefreshDatasets();
  return useMutation(trpc.datasets.retryRelease.mutationOptions({ onSuccess: refresh }));
}
