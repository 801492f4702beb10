"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

// Earlier turns do not change while an item is open, and loading them never holds up the item itself:
// a plain query (not suspense) that the page renders around when it arrives.
export const THREAD_STALE_MS = 5 * 60_000;

/** The earlier turns of the conversation behind the annotator's assignment. */
export function useAssignmentThread(projectId: string, assignmentId: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.threads.getForAssignment.queryOptions({ projectId, assignmentId }), staleTime: THREAD_STALE_MS });
}

/** The earlier turns of the conversation behind a queue item, for the lead adjudicating it. */
export function useItemThread(projectId: string, queueItemId: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.threads.getForItem.queryOptions({ projectId, queueItemId }), staleTime: THREAD_STALE_MS });
}
