"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";
import type { Granularity } from "@/server/metrics/catalog";

export function useLoopHealthOverview(projectId: string, granularity: Granularity) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.loopHealth.overview.queryOptions({ projectId, granularity })).data;
}

export function useLoopHealthTile(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.loopHealth.tile.queryOptions({ projectId })).data;
}

export type LoopHealthOverview = inferRouterOutputs<AppRouter>["loopHealth"]["overview"];
export type DetectorChartData = LoopHealthOverview["detectors"][number];
export type AlertMarker = LoopHealthOverview["alerts"][number];
export type AnnotatorRowData = LoopHealthOverview["annotators"][number];
export type QueueLatencyData = LoopHealthOverview["latency"][number];
export type LoopHealthTile = inferRouterOutputs<AppRouter>["loopHealth"]["tile"];
