"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formError } from "@/components/ui/form-errors";
import { EndpointFields, type EndpointDraft } from "./endpoint-fields";
import { SecretReveal } from "./secret-reveal";
import { useWebhookEndpoints } from "./use-webhooks";
import { DialogActions } from "@/components/ui/dialog-actions";

const EMPTY: EndpointDraft = { url: "", description: "", eventTypes: ["release.published", "gold.created"] };

export function CreateEndpointDialog({ projectId, slug, isOpen, onClose }: { projectId: string; slug: string; isOpen: boolean; onClose: () => void }) {
  const { create } = useWebhookEndpoints(projectId);
  const [draft, setDraft] = useState<EndpointDraft>(EMPTY);
  const message = formError(create.error, ["url", "description", "eventTypes"]);

  function close() {
    create.reset();
    setDraft(EMPTY);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ projectId, ...draft });
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Add a webhook endpoint" description="Goldloop signs every request and retries for about a day until your endpoint answers 2xx.">
      {create.data ? (
        <div className="space-y-4">
          <SecretReveal secret={create.data.secret} />
          <div className="flex justify-end gap-2">
            <Link href={`/p/${slug}/webhooks/${create.data.endpoint.id}`} className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-zinc-700 hover:bg-zinc-100">
              Open endpoint
            </Link>
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          {message && <Alert tone="error">{message}</Alert>}
          <EndpointFields draft={draft} onChange={setDraft} error={create.error} />
          <DialogActions onCancel={close} isBusy={create.isPending} submitLabel="Add endpoint" />
        </form>
      )}
    </Dialog>
  );
}
