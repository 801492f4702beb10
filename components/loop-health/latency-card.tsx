"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import type { Granularity } from "@/server/metrics/catalog";
import type { QueueLatencyData } from "./use-loop-health";
import { formatSeconds, formatWindow } from "./window-format";
import { ShowNumbers } from "@/components/ui/show-numbers";

// recharts sizes itself from the DOM, so it renders in the browser only; the placeholder keeps the height.
const LatencyChart = dynamic(() => import("./latency-chart").then((module) => module.LatencyChart), { ssr: false, loading: () => <div className="h-56" /> });

function summarize(queue: QueueLatencyData): string {
  const latest = queue.windows.findLast((window) => window.stages.pullable !== null);
  if (!latest?.stages.pullable) return `Loop latency of ${queue.queueName}: no gold label has become pullable yet.`;
  return `Loop latency of ${queue.queueName}, ingest to pullable: latest window p50 ${formatSeconds(latest.stages.pullable.p50)}, p95 ${formatSeconds(latest.stages.pullable.p95)}.`;
}

/** Loop latency per queue: ingest → pullable p50/p95 as a chart, every stage in the numbers. */
export function LatencyCard({ queues, granularity }: { queues: readonly QueueLatencyData[]; granularity: Granularity }) {
  const [queueId, setQueueId] = useState(queues[0]?.queueId ?? "");
  const queue = queues.find((candidate) => candidate.queueId === queueId) ?? queues[0];
  return (
    <Card>
      <CardHeader title="Loop latency" description="Seconds from an output's ingest to its gold label being pullable (gold feed or release), per queue and window." />
      {!queue ? (
        <div className="p-5">
          <EmptyState title="No gold labels in this range yet">Latency is measured per gold label: from ingest to queued, first claim, gold, and pullable.</EmptyState>
        </div>
      ) : (
        <>
          {queues.length > 1 && (
            <div className="max-w-xs px-5 pt-4">
              <SelectField label="Queue" value={queue.queueId} onChange={(event) => setQueueId(event.target.value)}>
                {queues.map((candidate) => (
                  <option key={candidate.queueId} value={candidate.queueId}>
                    {candidate.queueName}
                  </option>
                ))}
              </SelectField>
            </div>
          )}
          <div className="px-3 pt-4 pb-2">
            <div role="img" aria-label={summarize(queue)} className="h-56">
              <LatencyChart windows={queue.windows} granularity={granularity} />
            </div>
          </div>
          <ShowNumbers>
              <Table aria-label={`Loop latency of ${queue.queueName}, per window`}>
                <thead>
                  <tr>
                    <Th>Window (UTC)</Th>
                    <Th className="text-right">Gold labels</Th>
                    <Th className="text-right">Queued p95</Th>
                    <Th className="text-right">First claim p95</Th>
                    <Th className="text-right">Gold p95</Th>
                    <Th className="text-right">Pullable p50</Th>
                    <Th className="text-right">Pullable p95</Th>
                  </tr>
                </thead>
                <tbody>
                  {[...queue.windows].reverse().map((window) => (
                    <tr key={window.windowStart.getTime()}>
                      <Td>{formatWindow(window.windowStart, granularity)}</Td>
                      <Td className="text-right tabular-nums">{window.sampleSize}</Td>
                      <Td className="text-right tabular-nums">{formatSeconds(window.stages.queued?.p95)}</Td>
                      <Td className="text-right tabular-nums">{formatSeconds(window.stages.firstClaim?.p95)}</Td>
                      <Td className="text-right tabular-nums">{formatSeconds(window.stages.gold?.p95)}</Td>
                      <Td className="text-right tabular-nums">{formatSeconds(window.stages.pullable?.p50)}</Td>
                      <Td className="text-right tabular-nums">{formatSeconds(window.stages.pullable?.p95)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
          </ShowNumbers>
        </>
      )}
    </Card>
  );
}
