"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { apiKeyScopeDescriptions, apiKeyScopes, type ApiKeyScope } from "@/server/api-keys/schema";
import { useApiKeys } from "./use-api-keys";
import { DialogActions } from "@/components/ui/dialog-actions";

export function CreateKeyDialog({ projectId, publicUrl, isOpen, onClose }: { projectId: string; publicUrl: string; isOpen: boolean; onClose: () => void }) {
  const { create } = useApiKeys(projectId);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["ingest"]);

  const message = formError(create.error, ["name", "scopes"]);

  function close() {
    create.reset();
    setName("");
    setScopes(["ingest"]);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ projectId, name, scopes });
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Create an API key" description="Keys belong to this project. Give each app its own key with only the scopes it needs.">
      {create.data ? (
        <div className="space-y-4">
          <Alert tone="success" title="Copy the secret now">
            It is shown only once. Goldloop stores only a hash of it.
          </Alert>
          <CopyField label="Secret" value={create.data.secret} />
          <CopyField label="Try it" value={`curl -H "Authorization: Bearer ${create.data.secret}" ${publicUrl}/api/v1/whoami`} />
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          {message && <Alert tone="error">{message}</Alert>}
          <TextField label="Name" placeholder="support-bot production" required value={name} error={fieldError(create.error, "name")} onChange={(e) => setName(e.target.value)} />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-zinc-800">Scopes</legend>
            {apiKeyScopes.map((scope) => (
              <label key={scope} className="flex items-start gap-2.5 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-zinc-900"
                  checked={scopes.includes(scope)}
                  onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((held) => held !== scope))}
                />
                <span>
                  <span className="font-mono text-xs font-medium text-zinc-900">{scope}</span>
                  <span className="block text-zinc-500">{apiKeyScopeDescriptions[scope]}</span>
                </span>
              </label>
            ))}
            {fieldError(create.error, "scopes") && <p className="text-xs font-medium text-red-600">{fieldError(create.error, "scopes")}</p>}
          </fieldset>
          <DialogActions onCancel={close} isBusy={create.isPending} submitLabel="Create key" />
        </form>
      )}
    </Dialog>
  );
}
