"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import { useConflicts, useQueueChoices } from "./use-resolution";

type ConflictsTableProps = { projectId: string; slug: string; initialQueueId: string | undefined };

/** Items whose reviewers disagreed, oldest decisions first in line for a lead, filterable by queue. */
export function ConflictsTable({ projectId, slug, initialQueueId }: ConflictsTableProps) {
  const queues = useQueueChoices(projectId);
  const [queueId, setQueueId] = useState(initialQueueId);
  const [isFiltering, startTransition] = useTransition();
  const conflicts = useConflicts(projectId, queueId);
  const filter = useRef<HTMLSelectElement>(null);
  const firstLink = useRef<HTMLAnchorElement>(null);
  useShortcuts([
    { keys: ["f"], label: "Filter by queue", run: () => filter.current?.focus() },
    { keys: ["j"], label: "First conflict", run: () => firstLink.current?.focus() },
  ]);

  function choose(next: string) {
    const value = next || undefined;
    // Transition: the old rows stay on screen while the filtered list loads, instead of a blank table.
    startTransition(() => setQueueId(value));
    const url = new URL(window.location.href);
    if (value) url.searchParams.set("queue", value);
    else url.searchParams.delete("queue");
    window.history.replaceState(null, "", url);
  }

  const queueFilter = (
    <label className="flex items-center gap-2 text-sm text-zinc-600">
      <span>
        Queue <Kbd>f</Kbd>
      </span>
      <select
        ref={filter}
        value={queueId ?? ""}
        onChange={(event) => choose(event.target.value)}
        className="rounded-md border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-gold-500"
      >
        <option value="">All queues</option>
        {queues.map((queue) => (
          <option key={queue.id} value={queue.id}>
            {queue.name}
          </option>
        ))}
      </select>
    </label>
  );

  if (conflicts.length === 0 && !queueId) {
    return (
      <EmptyState title="No conflicts: every item so far reached agreement">
        An item lands here when its reviewers pick labels that fall short of the queue&apos;s majority threshold, or correct the output
        differently. You then pick the label and edit the gold correction, live with the reviewers.
      </EmptyState>
    );
  }
  return (
    <Card aria-busy={isFiltering || undefined}>
      <CardHeader
        title={`${countOf(conflicts.length, "item")} to adjudicate`}
        description={
          <>
            Open one to compare the answers side by side. <Kbd>j</Kbd> jumps to the first, <Kbd>Tab</Kbd> moves down, <Kbd>Enter</Kbd> opens.
          </>
        }
        action={queueFilter}
      />
      {conflicts.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-zinc-500">No conflicts in this queue: every item so far reached agreement.</p>
      ) : (
        <Table className={isFiltering ? "opacity-60" : undefined}>
          <thead>
            <tr>
              <Th>Output</Th>
              <Th>Queue</Th>
              <Th>Why</Th>
              <Th>Reviews</Th>
              <Th>Since</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {conflicts.map((conflict, index) => (
              <tr key={conflict.queueItemId}>
                <Td className="font-mono text-xs text-zinc-900">{conflict.externalId}</Td>
                <Td>{conflict.queueName}</Td>
                <Td>
                  {conflict.revisionReason ? (
                    <p className="text-xs">
                      <Badge tone="gold">revision</Badge> <span className="break-words">{conflict.revisionReason}</span>
                    </p>
                  ) : (
                    <ul className="space-y-0.5 text-xs">
                      {conflict.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                </Td>
                <Td className="tabular-nums">
                  {conflict.submittedCount} / {conflict.seats}
                </Td>
                <Td className="text-zinc-500"><DateTime value={conflict.updatedAt} /></Td>
                <Td className="text-right">
                  <Link
                    ref={index === 0 ? firstLink : undefined}
                    href={`/p/${slug}/conflicts/${conflict.queueItemId}`}
                    aria-label={`${conflict.revisionReason ? "Revise" : "Adjudicate"} ${conflict.externalId}`}
                    className="rounded-md px-2.5 py-1.5 text-sm font-medium text-zinc-900 ring-1 ring-zinc-300 hover:bg-zinc-50"
                  >
                    {conflict.revisionReason ? "Revise" : "Adjudicate"}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
