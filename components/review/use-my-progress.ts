"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/**
 * The annotator's own submission counts for the progress panel, fetched in the browser only: the panel
 * fills in when they arrive and never holds up the item on screen, and an error leaves it at "—" rather
 * than failing the page. (The page does not prefetch it: a streamed query that settles before hydration
 * renders numbers where the server rendered "—", a hydration mismatch.) use-review-queue refetches it
 * after each answer.
 */
export function useMyProgress(projectId: string, queueId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.review.myProgress.queryOptions({ projectId, queueId }));
}
