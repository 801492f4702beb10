"use client";

import dynamic from "next/dynamic";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDay, summarizeActivity, type DailyActivity } from "./activity-summary";
import { ShowNumbers } from "@/components/ui/show-numbers";

// recharts sizes itself from the DOM, so it renders in the browser only; the placeholder keeps the height.
const ActivityChart = dynamic(() => import("./activity-chart").then((module) => module.ActivityChart), {
  ssr: false,
  loading: () => <div className="h-64" />,
});

/** The last 14 days of the loop as a chart with a spoken summary, and the numbers as a table on request. */
export function ActivityPanel({ daily }: { daily: DailyActivity[] }) {
  return (
    <Card>
      <CardHeader title="Last 14 days" description="Outputs ingested, annotations submitted and gold labels created, per UTC day." />
      <div className="px-3 pt-4 pb-2">
        <div role="img" aria-label={summarizeActivity(daily)} className="h-64">
          <ActivityChart daily={daily} />
        </div>
      </div>
      <ShowNumbers>
        <Table aria-label="Daily activity">
          <thead>
            <tr>
              <Th>Day</Th>
              <Th className="text-right">Outputs</Th>
              <Th className="text-right">Annotations</Th>
              <Th className="text-right">Gold labels</Th>
            </tr>
          </thead>
          <tbody>
            {daily.map((row) => (
              <tr key={row.day}>
                <Td>{formatDay(row.day)}</Td>
                <Td className="text-right tabular-nums">{row.outputs}</Td>
                <Td className="text-right tabular-nums">{row.annotations}</Td>
                <Td className="text-right tabular-nums">{row.goldLabels}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ShowNumbers>
    </Card>
  );
}
