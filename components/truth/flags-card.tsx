"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import { useDismissFlag, useRefitFlags, useReopenFromFlag } from "./use-truth";

type FlagsCardProps = { projectId: string; slug: string; queueId: string; canManage: boolean };

/**
 * Current gold the latest fit disagrees with. Gold is never rewritten by a refit: a lead reopens it for
 * revision (it goes to the conflict list) or dismisses the suggestion, which is then not raised again.
 */
export function FlagsCard({ projectId, slug, queueId, canManage }: FlagsCardProps) {
  const [includeClosed, setIncludeClosed] = useState(false);
  const [reopenedItemId, setReopenedItemId] = useState<number | null>(null);
  const flags = useRefitFlags(projectId, queueId, includeClosed);
  const dismiss = useDismissFlag();
  const reopen = useReopenFromFlag();
  const message = errorMessage(dismiss.error) ?? errorMessage(reopen.error);
  const openCount = flags.filter((flag) => flag.closedAt === null).length;
  return (
    <Card>
      <CardHeader
        title="Gold the fit would change"
        description={openCount === 0 ? "No open flags." : `${countOf(openCount, "gold label")} ${openCount === 1 ? "disagrees" : "disagree"} with the latest fit.`}
        action={
          <Button size="sm" variant="ghost" onClick={() => setIncludeClosed(!includeClosed)}>
            {includeClosed ? "Open flags only" : "Show closed flags"}
          </Button>
        }
      />
      {message && (
        <div className="px-5 pt-4">
          <Alert tone="error">{message}</Alert>
        </div>
      )}
      {reopenedItemId !== null && !message && (
        <div className="px-5 pt-4">
          <Alert tone="success">
            Reopened for revision.{" "}
            <Link href={`/p/${slug}/conflicts/${reopenedItemId}`} className="font-medium underline">
              Decide the new gold
            </Link>
          </Alert>
        </div>
      )}
      {flags.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500">
          After each refit on a Dawid–Skene queue, gold whose value the new fit would pick differently is listed here. Gold is never changed by a refit;
          reopening sends the item to the conflict list for a lead to decide.
        </p>
      ) : (
        <Table aria-label="Refit flags">
          <thead>
            <tr>
              <Th>Item</Th>
              <Th>Gold says</Th>
              <Th>Fit suggests</Th>
              <Th className="text-right">Posterior</Th>
              <Th className="text-right">Action</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {flags.map((flag) => (
              <tr key={flag.id}>
                <Td>
                  <Link href={`/p/${slug}/items/${flag.queueItemId}`} className="font-mono text-xs text-zinc-900 hover:underline">
                    {flag.externalId}
                  </Link>
                </Td>
                <Td className="font-mono text-xs">{flag.currentValue}</Td>
                <Td className="font-mono text-xs font-medium text-zinc-900">{flag.suggestedValue}</Td>
                <Td className="text-right tabular-nums">{flag.posterior.toFixed(3)}</Td>
                <Td className="text-right">
                  {flag.closedAt ? (
                    <Badge tone={flag.closing === "reopened" ? "gold" : "neutral"}>
                      {flag.closing}
                      {flag.closedByName ? ` by ${flag.closedByName}` : ""}
                    </Badge>
                  ) : canManage ? (
                    <div className="flex justify-end gap-2">
                      <Button
                        size="sm"
                        variant="secondary"
                        isBusy={reopen.isPending && reopen.variables?.flagId === flag.id}
                        onClick={() => reopen.mutate({ projectId, flagId: flag.id }, { onSuccess: () => setReopenedItemId(flag.queueItemId) })}
                      >
                        Reopen
                      </Button>
                      <Button size="sm" variant="ghost" isBusy={dismiss.isPending && dismiss.variables?.flagId === flag.id} onClick={() => dismiss.mutate({ projectId, flagId: flag.id })}>
                        Dismiss
                      </Button>
                    </div>
                  ) : (
                    <Badge>open</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
