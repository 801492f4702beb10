"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { LazyAccuracyChart } from "./accuracy-chart-lazy";
import { formatPercent } from "./format";
import { useGoldAccuracy } from "./use-gold-items";
import { ShowNumbers } from "@/components/ui/show-numbers";

/** Each annotator's accuracy on gold checks with its Wilson interval, as a chart and, on request, the numbers. */
export function AccuracyCard({ projectId, queueId, threshold }: { projectId: string; queueId: string; threshold: number | null }) {
  const rows = useGoldAccuracy(projectId, queueId);
  return (
    <Card>
      <CardHeader
        title="Accuracy on gold checks"
        description={`Share of gold checks each annotator answered right, with its 95 % Wilson interval (all time; the gate counts afresh from a lifted pause).${threshold === null ? "" : ` The dashed line is the gate at ${formatPercent(threshold)}.`}`}
      />
      {rows.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No gold checks answered yet">
            Accuracy appears once annotators answer gold checks. They are served at the queue&apos;s gold-check rate, only to people who have not labelled the item.
          </EmptyState>
        </div>
      ) : (
        <>
          <figure aria-label="Gold-check accuracy per annotator" className="px-5 py-4">
            <LazyAccuracyChart rows={rows} threshold={threshold} />
          </figure>
          <ShowNumbers>
              <Table aria-label="Gold-check accuracy numbers">
                <thead>
                  <tr>
                    <Th>Annotator</Th>
                    <Th className="text-right">Checks</Th>
                    <Th className="text-right">Right</Th>
                    <Th className="text-right">Accuracy</Th>
                    <Th className="text-right">95 % low</Th>
                    <Th className="text-right">95 % high</Th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.annotatorId}>
                      <Td className="font-medium text-zinc-900">
                        {row.annotatorName} {threshold !== null && row.accuracy < threshold && <Badge tone="red">below gate</Badge>}
                      </Td>
                      <Td className="text-right tabular-nums">{row.checks}</Td>
                      <Td className="text-right tabular-nums">{row.correct}</Td>
                      <Td className="text-right tabular-nums">{formatPercent(row.accuracy)}</Td>
                      <Td className="text-right tabular-nums">{formatPercent(row.lower)}</Td>
                      <Td className="text-right tabular-nums">{formatPercent(row.upper)}</Td>
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
