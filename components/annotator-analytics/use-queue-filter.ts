"use client";

import { useState, useTransition } from "react";

/** The picked queue, kept in `?queue=` so a reload or a shared link shows the same view. */
export function useQueueFilter(initialQueueId: string | undefined) {
  const [queueId, setQueueId] = useState(initialQueueId);
  const [isFiltering, startTransition] = useTransition();
  function choose(next: string | undefined) {
    // Transition: the old numbers stay on screen while the filtered ones load, instead of a blank page.
    startTransition(() => setQueueId(next));
    const url = new URL(window.location.href);
    if (next) url.searchParams.set("queue", next);
    else url.searchParams.delete("queue");
    window.history.replaceState(null, "", url);
  }
  return { queueId, isFiltering, choose };
}
