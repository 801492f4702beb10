"use client";

import { Alert } from "@/components/ui/alert";
import { CopyField } from "@/components/ui/copy-field";

/** A signing secret, shown the one time it exists in clear. */
export function SecretReveal({ secret, note }: { secret: string; note?: string }) {
  return (
    <div className="space-y-4">
      <Alert tone="success" title="Copy the signing secret now">
        It is shown only once. Your receiver verifies each request with it (Standard Webhooks: <code>webhook-signature</code>).
        {note ? ` ${note}` : ""}
      </Alert>
      <CopyField label="Signing secret" value={secret} />
    </div>
  );
}
