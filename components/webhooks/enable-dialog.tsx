"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage, fieldError } from "@/components/ui/form-errors";
import { parseLocalInputValue, SinceField, toLocalInputValue } from "./since-field";
import type { useWebhookEndpoint } from "./use-webhooks";
import { DialogActions } from "@/components/ui/dialog-actions";

type Actions = ReturnType<typeof useWebhookEndpoint>;

/** Turning an endpoint back on, with or without sending again what failed while it was off. */
export function EnableDialog({ projectId, actions, isOpen, onClose }: { projectId: string; actions: Actions; isOpen: boolean; onClose: () => void }) {
  const { endpoint, enable } = actions;
  const [shouldReplay, setShouldReplay] = useState(false);
  const [since, setSince] = useState(() => toLocalInputValue(endpoint.disabledAt ?? new Date(Date.now() - 86_400_000)));
  const sinceDate = parseLocalInputValue(since);

  function close() {
    enable.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    enable.mutate({ projectId, endpointId: endpoint.id, replayFailedSince: shouldReplay && sinceDate ? sinceDate : undefined }, { onSuccess: close });
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Turn the endpoint on" description="New events go out from now on. Nothing that failed while it was off is sent unless you ask.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {errorMessage(enable.error) && !fieldError(enable.error, "replayFailedSince") && <Alert tone="error">{errorMessage(enable.error)}</Alert>}
        <label className="flex items-start gap-2.5 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-zinc-900" checked={shouldReplay} onChange={(event) => setShouldReplay(event.target.checked)} />
          <span>Also replay the deliveries that failed since…</span>
        </label>
        {shouldReplay && <SinceField label="Failed since" value={since} onChange={setSince} error={fieldError(enable.error, "replayFailedSince") ?? (sinceDate ? undefined : "pick a date and time")} />}
        <DialogActions onCancel={close} isBusy={enable.isPending} isDisabled={shouldReplay && !sinceDate} submitLabel={shouldReplay ? "Turn on and replay" : "Turn on"} />
      </form>
    </Dialog>
  );
}
