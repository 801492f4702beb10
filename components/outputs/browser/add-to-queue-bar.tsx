"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import type { ManualSkipReason } from "@/server/outputs/schema";
import { useAddToQueue, useQueueChoices } from "./use-outputs";

/** Why outputs were skipped, worded for one output and for several. */
const skipWording: Record<ManualSkipReason, { one: string; many: string }> = {
  no_consent: { one: "had no consent (outputs without consent are never queued)", many: "had no consent (outputs without consent are never queued)" },
  removed_from_queue: { one: "was removed from this queue before and is never added again", many: "were removed from this queue before and are never added again" },
  already_in_queue: { one: "was already in the queue", many: "were already in the queue" },
  same_content_in_queue: { one: "repeats content the queue already holds", many: "repeat content the queue already holds" },
};

type Result = { queueName: string; added: number[]; skipped: { outputId: number; reason: ManualSkipReason }[] };

/** What an add did: how many went in, and why each of the others did not. */
function AddResult({ result }: { result: Result }) {
  const reasons = new Map<ManualSkipReason, number>();
  for (const skip of result.skipped) reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + 1);
  return (
    <Alert tone={result.added.length > 0 ? "success" : "info"} title={`Added ${countOf(result.added.length, "output")} to ${result.queueName}`}>
      {reasons.size > 0 && (
        <ul className="list-disc pl-5">
          {[...reasons].map(([reason, count]) => (
            <li key={reason}>
              {countOf(count, "output")} {count === 1 ? skipWording[reason].one : skipWording[reason].many}.
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** Puts the selected outputs into a queue by hand (provenance manual); leads and admins only. */
export function AddToQueueBar({ projectId, selected, onAdded }: { projectId: string; selected: number[]; onAdded: () => void }) {
  const queues = useQueueChoices(projectId);
  const add = useAddToQueue();
  const [queueId, setQueueId] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const choices = queues.data ?? [];
  const submit = () =>
    add.mutate(
      { projectId, queueId, outputIds: selected },
      {
        onSuccess: (answer) => {
          setResult(answer);
          onAdded();
        },
      },
    );
  return (
    <div className="space-y-3 border-b border-zinc-100 px-5 py-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-zinc-600" role="status">
          {selected.length > 0 ? `${countOf(selected.length, "output")} selected` : "Select outputs to add them to a queue by hand"}
        </span>
        <label htmlFor="add-to-queue" className="sr-only">
          Queue
        </label>
        <select
          id="add-to-queue"
          value={queueId}
          onChange={(event) => setQueueId(event.target.value)}
          className="rounded-md border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-gold-500"
        >
          <option value="">{choices.length === 0 && !queues.isPending ? "No open queues yet" : "Pick a queue…"}</option>
          {choices.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
        <Button size="sm" disabled={selected.length === 0 || queueId === ""} isBusy={add.isPending} onClick={submit}>
          Add to queue
        </Button>
      </div>
      {add.error && <Alert tone="error">{errorMessage(add.error)}</Alert>}
      {result && !add.isPending && <AddResult result={result} />}
    </div>
  );
}
