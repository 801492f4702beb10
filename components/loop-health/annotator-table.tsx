import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { AnnotatorRowData } from "./use-loop-health";
import { formatNumber, formatSeconds } from "./window-format";

type Signal = AnnotatorRowData["signals"]["decoyAcceptance"];

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)} %`);

function SignalCell({ signal, children }: { signal: Signal; children: (signal: NonNullable<Signal>) => ReactNode }) {
  if (!signal) return <Td className="text-zinc-500">no data</Td>;
  return (
    <Td>
      <div className="flex items-center gap-2">
        <span className="tabular-nums">{children(signal)}</span>
        {signal.isFiring && <Badge tone="red">fires</Badge>}
      </div>
      <div className="text-xs text-zinc-500">n = {signal.sampleSize}</div>
    </Td>
  );
}

/** The rubber-stamp signals per annotator per queue, each from its newest window, flagged where its detector fires. */
export function AnnotatorTable({ rows }: { rows: readonly AnnotatorRowData[] }) {
  return (
    <Card>
      <CardHeader
        title="Annotators: rubber-stamp signals"
        description="Per annotator and queue, the newest window with data. Decoys show a deliberately wrong suggestion; accepting them, agreeing with every suggestion, answering much faster than one's own baseline or always giving the same label are the signs."
      />
      {rows.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No annotator signals yet">
            They appear once annotators submit in a queue that shows suggestions (and decoys, with a decoy rate) and the metrics job has run.
          </EmptyState>
        </div>
      ) : (
        <Table aria-label="Rubber-stamp signals per annotator">
          <thead>
            <tr>
              <Th>Annotator</Th>
              <Th>Queue</Th>
              <Th>Decoy acceptance</Th>
              <Th>Agreement with suggestions</Th>
              <Th>Median time vs own baseline</Th>
              <Th>Label entropy</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row) => (
              <tr key={`${row.queueId}/${row.annotatorId}`}>
                <Td className="font-medium text-zinc-900">{row.annotatorName}</Td>
                <Td>{row.queueName}</Td>
                <SignalCell signal={row.signals.decoyAcceptance}>{(signal) => percent(signal.value)}</SignalCell>
                <SignalCell signal={row.signals.suggestionAgreement}>{(signal) => percent(signal.value)}</SignalCell>
                <SignalCell signal={row.signals.timeOnItem}>
                  {(signal) => `${formatSeconds(signal.value)} (baseline ${formatSeconds(signal.baseline)})`}
                </SignalCell>
                <SignalCell signal={row.signals.labelEntropy}>{(signal) => `${formatNumber(signal.value)} bits`}</SignalCell>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
