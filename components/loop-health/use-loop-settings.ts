"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";

export type ProjectLoopSettings = inferRouterOutputs<AppRouter>["metrics"]["getLoopSettings"];

/** The project's loop settings, their editor, and the recompute that refills the charts. */
export function useLoopSettings(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useSuspenseQuery(trpc.metrics.getLoopSettings.queryOptions({ projectId })).data;
  const refreshSettings = () => queryClient.invalidateQueries({ queryKey: trpc.metrics.pathKey() });
  // A recompute rewrites metric points, so the health page and the overview tile read them again.
  const refreshCharts = () => queryClient.invalidateQueries({ queryKey: trpc.loopHealth.pathKey() });
  return {
    settings,
    update: useMutation(trpc.metrics.updateLoopSettings.mutationOptions({ onSuccess: refreshSettings })),
    backfill: useMutation(trpc.metrics.backfill.mutationOptions({ onSuccess: refreshCharts })),
  };
}
