"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";
import type { EstimateGranularity } from "@/server/estimates/schema";

export function useQueueEstimates(projectId: string, queueId: string, granularity: EstimateGranularity) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.estimates.forQueue.queryOptions({ projectId, queueId, granularity })).data;
}

export type QueueEstimatesData = inferRouterOutputs<AppRouter>["estimates"]["forQueue"];
