"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage } from "@/components/ui/form-errors";
import { SecretReveal } from "./secret-reveal";
import type { useWebhookEndpoint } from "./use-webhooks";
import { DialogActions } from "@/components/ui/dialog-actions";

type Actions = ReturnType<typeof useWebhookEndpoint>;

/** Rotating the signing secret: asks first, then shows the new secret once. */
export function RotateSecretDialog({ projectId, actions, isOpen, onClose }: { projectId: string; actions: Actions; isOpen: boolean; onClose: () => void }) {
  const { endpoint, rotateSecret } = actions;
  function close() {
    rotateSecret.reset();
    onClose();
  }
  return (
    <Dialog
      isOpen={isOpen}
      onClose={close}
      title="Rotate the signing secret"
      description="For 24 hours every request carries two signatures, one per secret, so your receiver keeps verifying while you deploy the new one."
    >
      {rotateSecret.data ? (
        <div className="space-y-4">
          <SecretReveal secret={rotateSecret.data.secret} note="The old secret stops signing in 24 hours." />
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          {errorMessage(rotateSecret.error) && <Alert tone="error">{errorMessage(rotateSecret.error)}</Alert>}
          <DialogActions onCancel={close} isBusy={rotateSecret.isPending} onSubmit={() => rotateSecret.mutate({ projectId, endpointId: endpoint.id })} submitLabel="Rotate secret" />
        </div>
      )}
    </Dialog>
  );
}
