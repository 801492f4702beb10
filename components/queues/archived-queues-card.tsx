"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { FoldableCard } from "@/components/ui/foldable-card";
import { errorMessage } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import { useRestoreQueue } from "./use-queues";

/** Archived queues, folded away unless one was just archived, each with what it keeps and a way back. */
export function ArchivedQueuesCard({ projectId, justArchived }: { projectId: string; justArchived: string | null }) {
  const trpc = useTRPC();
  const archived = useQuery(trpc.queues.listArchived.queryOptions({ projectId })).data ?? [];
  const restore = useRestoreQueue();
  const [isOpen, setIsOpen] = useState(justArchived !== null);
  const [restored, setRestored] = useState<string | null>(null);
  const restoredNotice = restored && (
    <Alert tone="success">Restored {restored}. It takes new outputs and claims again; a backfill adds outputs ingested while it was archived.</Alert>
  );
  if (archived.length === 0) return restoredNotice || null;
  return (
    <FoldableCard title={`Archived queues (${archived.length})`} isOpen={isOpen} onToggle={() => setIsOpen(!isOpen)}>
      <div className="space-y-3">
        {justArchived && !restored && <Alert tone="success">Archived {justArchived}. Its items and gold are kept; restore it here at any time.</Alert>}
        {restoredNotice}
        {restore.error && <Alert tone="error">{errorMessage(restore.error)}</Alert>}
        <ul aria-label="Archived queues" className="divide-y divide-zinc-100">
          {archived.map((queue) => (
            <li key={queue.id} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="text-sm font-medium text-zinc-900">{queue.name}</p>
                <p className="text-xs text-zinc-500">
                  Archived <DateTime value={queue.archivedAt!} /> · {countOf(queue.items, "item")} · {countOf(queue.gold, "gold label")}
                </p>
              </div>
              <Button
                size="sm"
                variant="secondary"
                aria-label={`Restore ${queue.name}`}
                isBusy={restore.isPending && restore.variables?.queueId === queue.id}
                onClick={() => restore.mutate({ projectId, queueId: queue.id }, { onSuccess: () => setRestored(queue.name) })}
              >
                Restore
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </FoldableCard>
  );
}
