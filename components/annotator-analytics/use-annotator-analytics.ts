"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";

export function useAnnotatorTable(projectId: string, queueId: string | undefined) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.annotatorAnalytics.list.queryOptions({ projectId, queueId })).data;
}

export function useAnnotatorAnalytics(projectId: string, userId: string, queueId: string | undefined) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.annotatorAnalytics.get.queryOptions({ projectId, userId, queueId })).data;
}

export type AnnotatorTableData = inferRouterOutputs<AppRouter>["annotatorAnalytics"]["list"];
export type AnnotatorRow = AnnotatorTableData["annotators"][number];
export type AnnotatorAnalytics = inferRouterOutputs<AppRouter>["annotatorAnalytics"]["get"];
export type LabelDistributionData = AnnotatorAnalytics["distributions"][number];
export type QueueChoice = AnnotatorTableData["queues"][number];
