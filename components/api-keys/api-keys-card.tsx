"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/form-errors";
import { Table, Td, Th } from "@/components/ui/table";
import { CreateKeyDialog } from "./create-key-dialog";
import { useApiKeys } from "./use-api-keys";

type ApiKey = ReturnType<typeof useApiKeys>["keys"][number];

export function ApiKeysCard({ projectId, publicUrl }: { projectId: string; publicUrl: string }) {
  const { keys, revoke } = useApiKeys(projectId);
  const [isCreating, setIsCreating] = useState(false);
  const [toRevoke, setToRevoke] = useState<ApiKey | null>(null);
  const createButton = <Button onClick={() => setIsCreating(true)}>Create API key</Button>;
  return (
    <>
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet" action={createButton}>
          Your production app needs a key with the <code>ingest</code> scope to send outputs; your ML pipeline needs one with{" "}
          <code>datasets:read</code> to pull releases.
        </EmptyState>
      ) : (
        <Card>
          <CardHeader
            title="API keys"
            description={
              <>
                Send a key as <code className="rounded bg-zinc-100 px-1 text-xs text-zinc-700">Authorization: Bearer &lt;key&gt;</code>.
              </>
            }
            action={createButton}
          />
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Scopes</Th>
                <Th>Last used</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? "opacity-60" : undefined}>
                  <Td className="font-medium text-zinc-900">{key.name}</Td>
                  <Td className="font-mono text-xs">gl_{key.prefix}_…</Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      {key.scopes.map((scope) => (
                        <Badge key={scope} tone="blue">
                          {scope}
                        </Badge>
                      ))}
                    </span>
                  </Td>
                  <Td className="text-zinc-500">{key.lastUsedAt ? <DateTime value={key.lastUsedAt} /> : "never"}</Td>
                  <Td className="text-right">
                    {key.revokedAt ? (
                      <Badge tone="red">revoked</Badge>
                    ) : (
                      <Button size="sm" variant="ghost" aria-label={`Revoke ${key.name}`} onClick={() => setToRevoke(key)}>
                        Revoke
                      </Button>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      <CreateKeyDialog projectId={projectId} publicUrl={publicUrl} isOpen={isCreating} onClose={() => setIsCreating(false)} />
      <ConfirmDialog
        isOpen={toRevoke !== null}
        title={`Revoke "${toRevoke?.name ?? ""}"?`}
        body="Requests with this key fail from now on. This cannot be undone."
        confirmLabel="Revoke key"
        isBusy={revoke.isPending}
        error={errorMessage(revoke.error)}
        onConfirm={() => toRevoke && revoke.mutate({ projectId, apiKeyId: toRevoke.id }, { onSuccess: () => setToRevoke(null) })}
        onClose={() => {
          revoke.reset();
          setToRevoke(null);
        }}
      />
    </>
  );
}
