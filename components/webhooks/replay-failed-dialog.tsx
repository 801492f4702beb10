"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage, fieldError } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import { parseLocalInputValue, SinceField, toLocalInputValue } from "./since-field";
import type { useWebhookEndpoint } from "./use-webhooks";
import { DialogActions } from "@/components/ui/dialog-actions";

type Actions = ReturnType<typeof useWebhookEndpoint>;

/** Sends again every event whose delivery failed since a moment (once each, with its original webhook-id). */
export function ReplayFailedDialog({ projectId, actions, isOpen, onClose }: { projectId: string; actions: Actions; isOpen: boolean; onClose: () => void }) {
  const { endpoint, replayFailed } = actions;
  const [since, setSince] = useState(() => toLocalInputValue(new Date(Date.now() - 86_400_000)));
  const sinceDate = parseLocalInputValue(since);

  function close() {
    replayFailed.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sinceDate) replayFailed.mutate({ projectId, endpointId: endpoint.id, since: sinceDate });
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Replay failed deliveries" description="Each event goes out again with its original webhook-id, so a receiver that saw it already can skip it.">
      {replayFailed.data ? (
        <div className="space-y-4">
          <Alert tone="success">{replayFailed.data.replayed === 0 ? "Nothing failed in that time." : `${countOf(replayFailed.data.replayed, "event")} queued again.`}</Alert>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          {errorMessage(replayFailed.error) && !fieldError(replayFailed.error, "since") && <Alert tone="error">{errorMessage(replayFailed.error)}</Alert>}
          <SinceField label="Failed since" value={since} onChange={setSince} error={fieldError(replayFailed.error, "since") ?? (sinceDate ? undefined : "pick a date and time")} />
          <DialogActions onCancel={close} isBusy={replayFailed.isPending} isDisabled={!sinceDate} submitLabel="Replay" />
        </form>
      )}
    </Dialog>
  );
}
