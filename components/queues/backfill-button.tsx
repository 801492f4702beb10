"use client";

import { useState } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/form-errors";
import { Kbd } from "@/components/ui/kbd";
import { countOf } from "@/components/ui/plural";
import { useBackfill } from "./use-queues";

type BackfillResult = { scanned: number; added: number };

/** What a backfill did, in a sentence that explains a zero. */
export function BackfillResultAlert({ result }: { result: BackfillResult }) {
  const scanned = `Scanned ${countOf(result.scanned, "stored output")}`;
  return result.added > 0 ? (
    <Alert tone="success" title="Backfill finished">
      {scanned}, added {result.added} to the queue.
    </Alert>
  ) : (
    <Alert tone="info" title="Backfill finished">
      {scanned}, added none: the rest did not match the rule, were not drawn at its rate, lacked consent, or were already queued.
    </Alert>
  );
}

/** Applies the queue's rule to outputs already stored; running it twice adds nothing new. */
export function BackfillButton({ projectId, queueId, initialResult }: { projectId: string; queueId: string; initialResult: BackfillResult | null }) {
  const backfill = useBackfill();
  const [result, setResult] = useState<BackfillResult | null>(initialResult);
  const run = () => backfill.mutate({ projectId, queueId }, { onSuccess: setResult });
  useShortcuts([{ keys: ["b"], label: "Backfill", run: () => !backfill.isPending && run() }]);
  return (
    <div className="space-y-3">
      <Button variant="secondary" isBusy={backfill.isPending} onClick={run}>
        Backfill <Kbd>b</Kbd>
      </Button>
      {backfill.error && <Alert tone="error">{errorMessage(backfill.error)}</Alert>}
      {result && !backfill.isPending && <BackfillResultAlert result={result} />}
    </div>
  );
}
