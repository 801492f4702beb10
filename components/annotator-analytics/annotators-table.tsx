"use client";

import Link from "next/link";
import { useRef, type Ref } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDuration, formatNumber, formatShare, formatWithInterval } from "./format";
import { QueueFilter } from "./queue-filter";
import { ThroughputSparkline } from "./sparkline";
import { useAnnotatorTable, type AnnotatorRow } from "./use-annotator-analytics";
import { useQueueFilter } from "./use-queue-filter";

function AnnotatorTableRow({ row, href, linkRef }: { row: AnnotatorRow; href: string; linkRef?: Ref<HTMLAnchorElement> }) {
  return (
    <tr>
      <Td>
        <Link ref={linkRef} href={href} className="font-medium text-zinc-900 underline-offset-2 hover:underline">
          {row.annotator.name}
        </Link>
        <div className="text-xs text-zinc-500">{row.annotator.role}</div>
      </Td>
      <Td>
        <div className="flex items-center gap-3">
          <ThroughputSparkline series={row.throughput} />
          <span className="tabular-nums">{row.answersInWindow}</span>
        </div>
      </Td>
      <Td className="text-right tabular-nums">
        {formatDuration(row.medianTimeMs)}
        <div className="text-xs text-zinc-500">n = {row.timedAnswers}</div>
      </Td>
      <Td className="text-right tabular-nums">
        {formatShare(row.skipRate)}
        <div className="text-xs text-zinc-500">
          {row.skipped} of {row.submitted + row.skipped}
        </div>
      </Td>
      <Td className="text-right tabular-nums">
        {row.gold ? formatWithInterval(row.gold.accuracy, row.gold.lower, row.gold.upper) : <span className="text-zinc-500">no checks</span>}
        {row.gold && <div className="text-xs text-zinc-500">{countOf(row.gold.checks, "check")}</div>}
      </Td>
      <Td className="text-right tabular-nums">
        {row.reliability ? formatNumber(row.reliability.reliability) : <span className="text-zinc-500">no fit</span>}
        {row.reliability && <div className="text-xs text-zinc-500">{countOf(row.reliability.labelCount, "label")}</div>}
      </Td>
      <Td className="text-right tabular-nums">
        {row.agreement ? formatShare(row.agreement.agreement) : <span className="text-zinc-500">no shared items</span>}
        {row.agreement && <div className="text-xs text-zinc-500">{countOf(row.agreement.pairs, "pair")}</div>}
      </Td>
    </tr>
  );
}

/** Leads' view of every annotator: work per day over the last 30 days, speed, skips and the three quality measures. */
export function AnnotatorsTable({ projectId, slug, initialQueueId }: { projectId: string; slug: string; initialQueueId: string | undefined }) {
  const { queueId, isFiltering, choose } = useQueueFilter(initialQueueId);
  const table = useAnnotatorTable(projectId, queueId);
  const filter = useRef<HTMLSelectElement>(null);
  const firstLink = useRef<HTMLAnchorElement>(null);
  useShortcuts([
    { keys: ["f"], label: "Filter by queue", run: () => filter.current?.focus() },
    { keys: ["j"], label: "First annotator", run: () => firstLink.current?.focus() },
  ]);
  const hrefFor = (userId: string) => `/p/${slug}/annotators/${userId}${queueId ? `?queue=${queueId}` : ""}`;

  if (table.annotators.length === 0) {
    return (
      <EmptyState title="No annotators yet">
        Invite people with the annotator role from Members, or let leads take items from a queue. Each person who labels gets a row here with their work per day, speed,
        skips, and accuracy on gold checks.
      </EmptyState>
    );
  }
  return (
    <Card aria-busy={isFiltering || undefined}>
      <CardHeader
        title={countOf(table.annotators.length, "annotator")}
        description={
          <>
            Counted answers only: gold checks and decoys are left out. <Kbd>j</Kbd> jumps to the first person, <Kbd>Enter</Kbd> opens their page.
          </>
        }
        action={<QueueFilter ref={filter} queues={table.queues} value={queueId} onChange={choose} />}
      />
      <Table aria-label="Annotators">
        <thead>
          <tr>
            <Th>Annotator</Th>
            <Th>Answers, last {table.windowDays} days</Th>
            <Th className="text-right">Median time</Th>
            <Th className="text-right">Skip rate</Th>
            <Th className="text-right">Gold accuracy (95 % CI)</Th>
            <Th className="text-right">Reliability</Th>
            <Th className="text-right">Agreement</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {table.annotators.map((row, index) => (
            <AnnotatorTableRow key={row.annotator.id} row={row} href={hrefFor(row.annotator.id)} linkRef={index === 0 ? firstLink : undefined} />
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
