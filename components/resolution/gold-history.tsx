"use client";

import Link from "next/link";
import { useState } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/components/ui/form-errors";
import { Kbd } from "@/components/ui/kbd";
import { CorrectionDiff } from "./correction-diff";
import { ItemStateBadge } from "./item-state-badge";
import { ReviseGoldDialog } from "./revise-gold-dialog";
import { useCancelReopen, useGoldHistory } from "./use-resolution";
import { describeGoldOrigin } from "./gold-origin";

type GoldHistoryProps = { projectId: string; slug: string; queueItemId: number };

/** A stored value without its field's definition: lists joined, rubric scores by criterion (pass/fail for true/false). */
function formatStoredValue(value: unknown): string {
  if (Array.isArray(value)) return value.length > 0 ? value.map(formatStoredValue).join(", ") : "none";
  if (typeof value === "boolean") return value ? "pass" : "fail";
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([key, inner]) => `${key} ${formatStoredValue(inner)}`).join(" · ");
  return String(value);
}

const formatValues = (values: Record<string, unknown>) =>
  Object.entries(values)
    .map(([key, value]) => `${key}: ${formatStoredValue(value)}`)
    .join("; ");

/**
 * Every gold the item has had, newest first: label, how it was decided, by whom, when, the correction
 * against the original, and why it replaced the one before. Leads can reopen the current gold for revision.
 */
export function GoldHistory({ projectId, slug, queueItemId }: GoldHistoryProps) {
  const history = useGoldHistory(projectId, queueItemId);
  const cancel = useCancelReopen();
  const [isRevising, setIsRevising] = useState(false);
  const adjudicateHref = `/p/${slug}/conflicts/${queueItemId}`;
  const canReopen = history.canRevise && history.reopening === null && history.golds.some((gold) => gold.isCurrent);
  useShortcuts(canReopen ? [{ keys: ["v"], label: "Revise gold", run: () => setIsRevising(true) }] : []);
  if (history.golds.length === 0) return null;
  return (
    <Card aria-label="Gold history" role="region">
      <CardHeader
        title="Gold history"
        description="Every gold this item has had, newest first. A revision replaces the current gold; releases keep the one they froze."
        action={
          canReopen ? (
            <Button variant="secondary" onClick={() => setIsRevising(true)} aria-keyshortcuts="v">
              Revise gold
              <span aria-hidden>
                <Kbd>v</Kbd>
              </span>
            </Button>
          ) : undefined
        }
      />
      {history.reopening && (
        <div className="border-b border-zinc-100 px-5 py-4">
          <Alert title={`Reopened for revision by ${history.reopening.requestedByName ?? "a lead"}`}>
            <p className="break-words">Reason: {history.reopening.reason}</p>
            <p className="mt-1">The current gold stays in datasets until a new one is finalized.</p>
            {history.canRevise && (
              <div className="mt-3 flex flex-wrap gap-2">
                <Link href={adjudicateHref} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700">
                  Decide the new gold
                </Link>
                <Button size="sm" variant="secondary" isBusy={cancel.isPending} onClick={() => cancel.mutate({ projectId, queueItemId })}>
                  Cancel the revision
                </Button>
              </div>
            )}
            {cancel.error && <p className="mt-2 text-sm text-red-700">{errorMessage(cancel.error)}</p>}
          </Alert>
        </div>
      )}
      <ol className="divide-y divide-zinc-100">
        {history.golds.map((gold, index) => (
          <li key={gold.id} className="space-y-2 px-5 py-4" aria-label={`Gold ${history.golds.length - index}`}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-semibold text-zinc-900">{formatValues(gold.values)}</span>
              {gold.isCurrent ? <Badge tone="green">current</Badge> : <Badge>superseded</Badge>}
              <ItemStateBadge state="resolved" method={gold.method} />
              <span className="text-zinc-500 tabular-nums">
                {gold.method === "dawid_skene" ? `posterior ${gold.confidence.toFixed(2)}${gold.fitId === null ? ", before the first fit" : `, fit #${gold.fitId}`}` : `confidence ${gold.confidence.toFixed(2)}`}
              </span>
            </div>
            <p className="text-xs text-zinc-500">
              {describeGoldOrigin(gold)}, <DateTime value={gold.createdAt} />
            </p>
            {gold.revisionReason && <p className="border-l-2 border-gold-400 pl-3 text-sm break-words text-zinc-800">Revised because: {gold.revisionReason}</p>}
            {gold.note && <p className="text-sm break-words text-zinc-600">Note: {gold.note}</p>}
            {gold.correction !== null && <CorrectionDiff original={history.originalText} corrected={gold.correction} label={`Correction of gold ${history.golds.length - index}`} />}
          </li>
        ))}
      </ol>
      <ReviseGoldDialog projectId={projectId} queueItemId={queueItemId} adjudicateHref={adjudicateHref} isOpen={isRevising} onClose={() => setIsRevising(false)} />
    </Card>
  );
}
