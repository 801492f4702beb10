"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { fieldError, formError } from "@/components/ui/form-errors";
import { reopenGoldSchema } from "@/server/resolution/schema";
import { useReopenGold } from "./use-resolution";
import { DialogActions } from "@/components/ui/dialog-actions";

type ReviseGoldDialogProps = { projectId: string; queueItemId: number; adjudicateHref: string; isOpen: boolean; onClose: () => void };

/** Asks why the gold is wrong, reopens it, and takes the lead to the adjudication page to decide the new one. */
export function ReviseGoldDialog({ projectId, queueItemId, adjudicateHref, isOpen, onClose }: ReviseGoldDialogProps) {
  const reopen = useReopenGold();
  const router = useRouter();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const validation = reopenGoldSchema.safeParse({ queueItemId, reason });
  const reasonError = (hasTriedSubmit && !validation.success ? validation.error.issues.find((issue) => issue.path[0] === "reason")?.message : undefined) ?? fieldError(reopen.error, "reason");
  const message = formError(reopen.error, ["reason"]);

  function close() {
    reopen.reset();
    setReason("");
    setHasTriedSubmit(false);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setHasTriedSubmit(true);
    if (!validation.success) return;
    reopen.mutate({ projectId, queueItemId, reason }, { onSuccess: () => router.push(adjudicateHref) });
  }

  return (
    <Dialog
      isOpen={isOpen}
      onClose={close}
      title="Revise this gold?"
      description="The item goes back to your conflict list as a revision. Its current gold stays in datasets until you finalize a new one; the next release then lists it as relabelled (or removed, if it no longer fits a dataset)."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div className="space-y-1.5">
          <label htmlFor={reasonId} className="block text-sm font-medium text-zinc-800">
            Reason
          </label>
          <textarea
            id={reasonId}
            rows={3}
            value={reason}
            required
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            placeholder="What is wrong with the current gold, for the audit log and the history"
            className="block w-full rounded-md border-0 px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500"
          />
          {reasonError && (
            <p id={`${reasonId}-error`} className="text-xs font-medium text-red-600">
              {reasonError}
            </p>
          )}
        </div>
        {message && <Alert tone="error">{message}</Alert>}
        <DialogActions onCancel={close} isBusy={reopen.isPending || reopen.isSuccess} submitLabel="Reopen for revision" />
      </form>
    </Dialog>
  );
}
