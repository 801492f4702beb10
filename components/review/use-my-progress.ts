"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/**
 * The annotator's own submission counts for the progress panel. Not suspending: the panel fills in when
 * they arrive and never holds up the item on screen. use-review-queue refetches it after each answer.
 */
export function useMyProgress(projectId: string, queueId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.review.myProgress.queryOptions({ projectId, queueId }));
}
