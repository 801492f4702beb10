"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { fieldError, formError } from "@/components/ui/form-errors";

type ErrorLike = Parameters<typeof fieldError>[0];

type EscalateDialogProps = { isOpen: boolean; onClose: () => void; onEscalate: (reason: string) => void; isBusy: boolean; error: ErrorLike };

/** Asks why a lead should decide a collaborative item; the lead reads the reason first. */
export function EscalateDialog({ isOpen, onClose, onEscalate, isBusy, error }: EscalateDialogProps) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [isReasonMissing, setIsReasonMissing] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) return setIsReasonMissing(true);
    onEscalate(trimmed);
  }

  const reasonError = isReasonMissing && !reason.trim() ? "say why a lead should decide" : fieldError(error, "reason");
  const message = formError(error, ["reason"]);
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Ask a lead to decide"
      description="For when you cannot agree on one version. The item leaves this queue for everyone on it, and a lead decides its gold from the shared answer and your approvals."
    >
      <form onSubmit={handleSubmit} className="space-y-4">
        {message && <Alert tone="error">{message}</Alert>}
        <div className="space-y-1.5">
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-zinc-800">
            What do you disagree on?
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            rows={3}
            maxLength={500}
            autoFocus
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-xs ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500"
          />
          {reasonError && (
            <p id={`${id}-reason-error`} className="text-xs font-medium text-red-600">
              {reasonError}
            </p>
          )}
        </div>
        <DialogActions onCancel={onClose} isBusy={isBusy} submitLabel="Send to a lead" />
      </form>
    </Dialog>
  );
}
