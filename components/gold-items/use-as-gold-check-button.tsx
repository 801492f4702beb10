"use client";

import { useQuery } from "@tanstack/react-query";
import { useSharedItem } from "@/components/resolution/use-resolution";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/form-errors";
import { useAddFromGold } from "./use-gold-items";

/**
 * For leads on a resolved item's page: makes its current gold a gold check (the expected answer is frozen
 * as it is now), or says it already is one.
 */
export function UseAsGoldCheckButton({ projectId, queueItemId }: { projectId: string; queueItemId: number }) {
  const trpc = useTRPC();
  const { item, queue, gold } = useSharedItem(projectId, queueItemId);
  const isResolved = item.state === "resolved" && gold !== null;
  const goldItems = useQuery({ ...trpc.goldItems.list.queryOptions({ projectId, queueId: queue.id }), enabled: isResolved });
  const addFromGold = useAddFromGold();
  if (!isResolved || !goldItems.data) return null;
  const isGoldCheck = goldItems.data.items.some((goldItem) => goldItem.queueItemId === queueItemId && goldItem.retiredAt === null);
  if (isGoldCheck) return <Badge tone="gold">Gold check</Badge>;
  const problem = errorMessage(addFromGold.error);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" isBusy={addFromGold.isPending} onClick={() => addFromGold.mutate({ projectId, queueItemId })}>
        Use as gold check
      </Button>
      {problem && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {problem}
        </p>
      )}
    </div>
  );
}
