"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useTRPC } from "@/components/trpc/provider";

/**
 * How often the approvals and authors beside a shared document are read again while it is open: a fallback,
 * for what nobody in the document announces (a lead deciding the item, an author's first edit).
 */
const SHARED_ITEM_REFRESH_MS = 5_000;
/** The awareness field an annotator's page bumps after approving or escalating, so the others read at once. */
const ITEM_CHANGED_FIELD = "itemChangedAt";

type Awareness = NonNullable<HocuspocusProvider["awareness"]>;

/** Each client's last announcement in the document, by Yjs client id. */
function readAnnouncements(awareness: Awareness): Map<number, unknown> {
  const announced = new Map<number, unknown>();
  awareness.getStates().forEach((state, clientId) => announced.set(clientId, (state as Record<string, unknown>)[ITEM_CHANGED_FIELD]));
  return announced;
}

/**
 * A collaborative item's approvals, authors and state, kept fresh while the page shows it, the approval
 * of its shared answer, and handing it to a lead. Authors come from the server (who sent which edit), never
 * from the document. An approval or escalation is announced over the document's awareness, so everyone
 * else on the item reads the new state at once rather than at the next refresh.
 */
export function useSharedItem(projectId: string, assignmentId: number, awareness: Awareness | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.review.shared.queryKey({ projectId, assignmentId });
  const shared = useQuery({ ...trpc.review.shared.queryOptions({ projectId, assignmentId }), refetchInterval: SHARED_ITEM_REFRESH_MS });

  useEffect(() => {
    if (!awareness) return;
    let seen = readAnnouncements(awareness);
    const onChange = () => {
      const now = readAnnouncements(awareness);
      const isNews = [...now].some(([clientId, announcement]) => announcement !== undefined && announcement !== seen.get(clientId));
      seen = now;
      if (isNews) void queryClient.invalidateQueries({ queryKey: trpc.review.shared.queryKey({ projectId, assignmentId }) });
    };
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  }, [awareness, queryClient, trpc, projectId, assignmentId]);

  // An approval can make the item gold, and an escalation takes it out of the queue: the progress panel and
  // the queue's counts read both.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey }),
      queryClient.invalidateQueries({ queryKey: trpc.review.myProgress.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queues.get.queryKey() }),
    ]);
  const announce = () => {
    const last = awareness?.getLocalState()?.[ITEM_CHANGED_FIELD];
    awareness?.setLocalStateField(ITEM_CHANGED_FIELD, (typeof last === "number" ? last : 0) + 1);
  };
  const approve = useMutation(trpc.review.approve.mutationOptions({ onSuccess: announce, onSettled: refresh }));
  const escalate = useMutation(trpc.review.escalate.mutationOptions({ onSuccess: announce, onSettled: refresh }));
  return { shared: shared.data, approve, escalate };
}
