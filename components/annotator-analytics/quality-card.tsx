import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInterval, formatNumber, formatShare } from "./format";
import type { AnnotatorAnalytics } from "./use-annotator-analytics";

/** Quality queue by queue: accuracy on gold checks with its Wilson interval, and reliability from each latest fit. */
export function QualityCard({ analytics }: { analytics: AnnotatorAnalytics }) {
  const { goldByQueue, reliabilityByField } = analytics;
  return (
    <Card>
      <CardHeader
        title="Quality per queue"
        description="Gold accuracy is the share of gold checks (items with a known answer, mixed into the stream) answered right, with a 95 % Wilson interval. Reliability is the chance an answer is right under the queue's latest Dawid–Skene fit."
      />
      <div className="grid gap-px bg-zinc-100 md:grid-cols-2">
        <div className="bg-white">
          {goldByQueue.length === 0 ? (
            <p className="px-5 py-4 text-sm text-zinc-500">No gold checks answered yet. A lead adds gold items and a gold-check rate on a queue&apos;s Gold checks tab.</p>
          ) : (
            <Table aria-label="Gold accuracy per queue">
              <thead>
                <tr>
                  <Th>Queue</Th>
                  <Th className="text-right">Checks</Th>
                  <Th className="text-right">Accuracy</Th>
                  <Th className="text-right">95 % CI</Th>
                </tr>
              </thead>
              <tbody>
                {goldByQueue.map((row) => (
                  <tr key={row.queueId}>
                    <Td>{row.queueName}</Td>
                    <Td className="text-right tabular-nums">
                      {row.correct} / {row.checks}
                    </Td>
                    <Td className="text-right tabular-nums">{formatShare(row.accuracy)}</Td>
                    <Td className="text-right tabular-nums">{formatInterval(row.lower, row.upper)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
        <div className="bg-white">
          {reliabilityByField.length === 0 ? (
            <p className="px-5 py-4 text-sm text-zinc-500">No Dawid–Skene fit covers these answers yet. Fits run on their own as labels arrive, or from a queue&apos;s Truth inference tab.</p>
          ) : (
            <Table aria-label="Reliability per queue and field">
              <thead>
                <tr>
                  <Th>Queue · field</Th>
                  <Th className="text-right">Labels</Th>
                  <Th className="text-right">Reliability</Th>
                  <Th>Fitted</Th>
                </tr>
              </thead>
              <tbody>
                {reliabilityByField.map((row) => (
                  <tr key={`${row.queueId}/${row.fieldKey}`}>
                    <Td>
                      {row.queueName} <span className="font-mono text-xs text-zinc-500">{row.fieldKey}</span>
                      {row.method === "one_coin" && <div className="text-xs text-zinc-500">one-coin (thin data)</div>}
                    </Td>
                    <Td className="text-right tabular-nums">{row.labelCount}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.reliability)}</Td>
                    <Td>
                      <DateTime value={row.fittedAt} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      </div>
    </Card>
  );
}
