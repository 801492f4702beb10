"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useSharedItem } from "@/components/resolution/use-resolution";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { TextField } from "@/components/ui/field";
import { errorMessage, fieldError } from "@/components/ui/form-errors";

/**
 * For leads on an item without gold: takes it out of its queue for good, with a reason for the audit log.
 * Its output never comes back to this queue, whichever rule, backfill or hand would add it.
 */
export function RemoveItemButton({ projectId, slug, queueItemId }: { projectId: string; slug: string; queueItemId: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { queue, gold } = useSharedItem(projectId, queueItemId);
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState("");
  const remove = useMutation(trpc.queues.removeItem.mutationOptions({ onSuccess: () => router.push(`/p/${slug}/queues/${queue.id}`) }));
  if (gold !== null) return null;
  const reasonError = fieldError(remove.error, "reason");
  const problem = reasonError ? undefined : errorMessage(remove.error);
  return (
    <>
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        Remove from queue
      </Button>
      <Dialog
        isOpen={isOpen}
        onClose={() => setIsOpen(false)}
        title="Remove this item from its queue?"
        description={`Its answers so far are deleted, and its output never enters ${queue.name} again: not from the rule, a late signal, a backfill or by hand. Estimates then cover production without it.`}
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            remove.mutate({ projectId, queueItemId, reason });
          }}
        >
          {problem && <Alert tone="error">{problem}</Alert>}
          <TextField label="Reason" placeholder="Internal test traffic" required value={reason} error={reasonError} hint="Kept in the audit log." onChange={(event) => setReason(event.target.value)} />
          <DialogActions onCancel={() => setIsOpen(false)} isBusy={remove.isPending} tone="danger" submitLabel="Remove from queue" />
        </form>
      </Dialog>
    </>
  );
}
