"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/components/ui/form-errors";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveriesTable } from "./deliveries-table";
import { EditEndpointDialog } from "./edit-endpoint-dialog";
import { EnableDialog } from "./enable-dialog";
import { ReplayFailedDialog } from "./replay-failed-dialog";
import { RotateSecretDialog } from "./rotate-secret-dialog";
import { EndpointStateBadge } from "./state-badge";
import { useWebhookEndpoint } from "./use-webhooks";

type OpenDialog = "edit" | "rotate" | "enable" | "disable" | "replay" | "delete" | null;

/** One endpoint: why it is off (when it is), what it can do, and its delivery log. */
export function EndpointDetail({ projectId, slug, endpointId }: { projectId: string; slug: string; endpointId: string }) {
  const actions = useWebhookEndpoint(projectId, endpointId);
  const { endpoint, sendTest, disable, remove } = actions;
  const router = useRouter();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const test = () => endpoint.isEnabled && sendTest.mutate({ projectId, endpointId });
  useShortcuts([{ keys: ["t"], label: "Send a test event", run: test }]);
  const wasAutoDisabled = endpoint.isAutoDisabled;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500">
        <Link href={`/p/${slug}/webhooks`} className="hover:text-zinc-800 hover:underline">
          Webhooks
        </Link>{" "}
        / <span className="font-mono text-zinc-800">{endpoint.url}</span>
      </nav>
      <PageHeader
        title={endpoint.description || "Webhook endpoint"}
        description={<span className="font-mono text-xs">{endpoint.url}</span>}
        action={
          <Button onClick={test} disabled={!endpoint.isEnabled} isBusy={sendTest.isPending} aria-keyshortcuts="t">
            Send test event
            <span aria-hidden>
              <Kbd>t</Kbd>
            </span>
          </Button>
        }
      />
      <div className="mb-6 space-y-3">
        {!endpoint.isEnabled && (
          <Alert tone="error" title={wasAutoDisabled ? "Goldloop turned this endpoint off after repeated failures" : "This endpoint is off"}>
            {endpoint.disabledReason && <span className="block">Why: {endpoint.disabledReason}.</span>}
            {endpoint.disabledAt && (
              <>
                Off since <DateTime value={endpoint.disabledAt} />.{" "}
              </>
            )}
            Events raised while it is off are not queued for it; turning it back on can replay the ones that failed.
          </Alert>
        )}
        {endpoint.isEnabled && endpoint.failingSince && (
          <Alert tone="info" title="Deliveries are failing">
            Every attempt since <DateTime value={endpoint.failingSince} /> has failed ({endpoint.consecutiveFailures} in a row). Goldloop keeps retrying and turns the endpoint off if this goes on.
          </Alert>
        )}
        {sendTest.isSuccess && <Alert tone="success">Test event queued; watch it arrive in the log below.</Alert>}
        {errorMessage(sendTest.error) && <Alert tone="error">{errorMessage(sendTest.error)}</Alert>}
      </div>
      <dl className="mb-6 grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium text-zinc-500">State</dt>
          <dd className="mt-1">
            <EndpointStateBadge isEnabled={endpoint.isEnabled} isFailing={endpoint.failingSince !== null} wasAutoDisabled={wasAutoDisabled} />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-zinc-500">Events</dt>
          <dd className="mt-1 flex flex-wrap gap-1">
            {endpoint.eventTypes.map((type) => (
              <Badge key={type} tone="blue">
                {type}
              </Badge>
            ))}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-zinc-500">Signing secret</dt>
          <dd className="mt-1 text-zinc-700">
            {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() ? (
              <>
                rotated; the old one signs until <DateTime value={endpoint.previousSecretExpiresAt} />
              </>
            ) : (
              "shown once when created or rotated"
            )}
          </dd>
        </div>
      </dl>
      <div className="mb-6 flex flex-wrap gap-2">
        {endpoint.isEnabled ? (
          <Button variant="secondary" onClick={() => setDialog("disable")}>
            Turn off
          </Button>
        ) : (
          <Button onClick={() => setDialog("enable")}>Turn on…</Button>
        )}
        <Button variant="secondary" onClick={() => setDialog("replay")} disabled={!endpoint.isEnabled}>
          Replay failed since…
        </Button>
        <Button variant="secondary" onClick={() => setDialog("edit")}>
          Edit
        </Button>
        <Button variant="secondary" onClick={() => setDialog("rotate")}>
          Rotate secret
        </Button>
        <Button variant="ghost" onClick={() => setDialog("delete")}>
          Delete
        </Button>
      </div>
      <DeliveriesTable projectId={projectId} slug={slug} endpointId={endpointId} />

      {dialog === "edit" && <EditEndpointDialog projectId={projectId} actions={actions} isOpen onClose={close} />}
      {dialog === "rotate" && <RotateSecretDialog projectId={projectId} actions={actions} isOpen onClose={close} />}
      {dialog === "enable" && <EnableDialog projectId={projectId} actions={actions} isOpen onClose={close} />}
      {dialog === "replay" && <ReplayFailedDialog projectId={projectId} actions={actions} isOpen onClose={close} />}
      <ConfirmDialog
        isOpen={dialog === "disable"}
        title="Turn this endpoint off?"
        body="Nothing is sent to it until it is turned on again. Deliveries waiting for a retry are given up; you can replay them later."
        confirmLabel="Turn off"
        isBusy={disable.isPending}
        error={errorMessage(disable.error)}
        onConfirm={() => disable.mutate({ projectId, endpointId }, { onSuccess: close })}
        onClose={close}
      />
      <ConfirmDialog
        isOpen={dialog === "delete"}
        title="Delete this endpoint?"
        body="Its delivery log goes with it. Receivers stop getting events at once. This cannot be undone."
        confirmLabel="Delete endpoint"
        isBusy={remove.isPending}
        error={errorMessage(remove.error)}
        onConfirm={() => remove.mutate({ projectId, endpointId }, { onSuccess: () => router.push(`/p/${slug}/webhooks`) })}
        onClose={close}
      />
    </>
  );
}
