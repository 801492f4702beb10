"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { fieldError, formError } from "@/components/ui/form-errors";
import { skipReasons, skipReasonTitles, type SkipAssignmentInput } from "@/server/review/schema";
import { DialogActions } from "@/components/ui/dialog-actions";

type SkipInput = Omit<SkipAssignmentInput, "assignmentId">;
type ErrorLike = Parameters<typeof fieldError>[0];

type SkipDialogProps = { isOpen: boolean; onClose: () => void; onSkip: (input: SkipInput) => void; isBusy: boolean; error: ErrorLike };

/** Asks why the item is skipped; the reason feeds queue health, and "other" needs a sentence. */
export function SkipDialog({ isOpen, onClose, onSkip, isBusy, error }: SkipDialogProps) {
  const id = useId();
  const [reason, setReason] = useState<SkipInput["reason"]>(skipReasons[0]);
  const [detail, setDetail] = useState("");
  const [isDetailMissing, setIsDetailMissing] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = detail.trim();
    if (reason === "other" && !trimmed) return setIsDetailMissing(true);
    onSkip({ reason, detail: trimmed || undefined });
  }

  const detailError = isDetailMissing && reason === "other" && !detail.trim() ? "say why you skip" : fieldError(error, "detail");
  const message = formError(error, ["reason", "detail"]);
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title="Skip this item" description="It goes back to the pool for someone else; you will not see it again.">
      <form onSubmit={handleSubmit} className="space-y-4">
        {message && <Alert tone="error">{message}</Alert>}
        <fieldset className="space-y-1.5">
          <legend className="mb-2 text-sm font-medium text-zinc-800">Reason</legend>
          {skipReasons.map((value, index) => (
            <label key={value} className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-zinc-800 hover:bg-zinc-50">
              <input
                type="radio"
                name={`${id}-reason`}
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
                autoFocus={index === 0}
                className="size-4 accent-gold-600"
              />
              {skipReasonTitles[value]}
            </label>
          ))}
        </fieldset>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-detail`} className="block text-sm font-medium text-zinc-800">
            Details {reason !== "other" && <span className="font-normal text-zinc-500">(optional)</span>}
          </label>
          <input
            id={`${id}-detail`}
            value={detail}
            maxLength={500}
            onChange={(event) => setDetail(event.target.value)}
            aria-invalid={detailError ? true : undefined}
            aria-describedby={detailError ? `${id}-detail-error` : undefined}
            className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-xs ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500"
          />
          {detailError && (
            <p id={`${id}-detail-error`} className="text-xs font-medium text-red-600">
              {detailError}
            </p>
          )}
        </div>
        <DialogActions onCancel={onClose} isBusy={isBusy} submitLabel="Skip item" />
      </form>
    </Dialog>
  );
}
