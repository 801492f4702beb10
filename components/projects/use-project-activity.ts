"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

export function useProjectActivity(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.projects.activity.queryOptions({ projectId })).data;
}
