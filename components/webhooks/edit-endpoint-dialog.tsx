"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { formError } from "@/components/ui/form-errors";
import { EndpointFields, type EndpointDraft } from "./endpoint-fields";
import type { useWebhookEndpoint } from "./use-webhooks";
import { DialogActions } from "@/components/ui/dialog-actions";

type Actions = ReturnType<typeof useWebhookEndpoint>;

export function EditEndpointDialog({ projectId, actions, isOpen, onClose }: { projectId: string; actions: Actions; isOpen: boolean; onClose: () => void }) {
  const { endpoint, update } = actions;
  const initial: EndpointDraft = { url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes };
  const [draft, setDraft] = useState<EndpointDraft>(initial);
  const message = formError(update.error, ["url", "description", "eventTypes"]);

  function close() {
    update.reset();
    setDraft(initial);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ projectId, endpointId: endpoint.id, ...draft }, { onSuccess: onClose });
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Edit the endpoint" description="The signing secret stays the same; rotate it separately.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {message && <Alert tone="error">{message}</Alert>}
        <EndpointFields draft={draft} onChange={setDraft} error={update.error} />
        <DialogActions onCancel={close} isBusy={update.isPending} />
      </form>
    </Dialog>
  );
}
