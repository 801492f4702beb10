"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

export function useProjectOverview(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.projects.overview.queryOptions({ projectId })).data;
}
