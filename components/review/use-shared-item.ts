"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** How often the approvals and authors beside a shared document are read again while it is open. */
const SHARED_ITEM_REFRESH_MS = 1_000;

/**
 * A collaborative item's approvals, authors and state, kept fresh while the page shows it, the approval
 * of its shared answer, and handing it to a lead. Authors come from the server (who sent which edit), never from the document.
 */
export function useSharedItem(projectId: string, assignmentId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.review.shared.queryKey({ projectId, assignmentId });
  const shared = useQuery({ ...trpc.review.shared.queryOptions({ projectId, assignmentId }), refetchInterval: SHARED_ITEM_REFRESH_MS });
  // An approval can make the item gold, and an escalation takes it out of the queue: the progress panel and
  // the queue's counts read both.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey }),
      queryClient.invalidateQueries({ queryKey: trpc.review.myProgress.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queues.get.queryKey() }),
    ]);
  const approve = useMutation(trpc.review.approve.mutationOptions({ onSettled: refresh }));
  const escalate = useMutation(trpc.review.escalate.mutationOptions({ onSettled: refresh }));
  return { shared: shared.data, approve, escalate };
}
