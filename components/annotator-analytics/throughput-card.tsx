import { formatWindow } from "@/components/loop-health/window-format";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { LazyThroughputChart } from "./charts-lazy";
import { ShowNumbers } from "@/components/ui/show-numbers";
import { summarizeThroughput } from "./throughput-summary";

/** Counted answers per UTC day over the window, as a bar chart with its numbers. */
export function ThroughputCard({ series, windowDays }: { series: readonly { day: Date; answers: number }[]; windowDays: number }) {
  return (
    <Card>
      <CardHeader title="Throughput per day" description={`Counted answers per UTC day over the last ${windowDays} days. Gold checks and decoys are not counted.`} />
      <div className="px-3 pt-3 pb-1">
        <div role="img" aria-label={summarizeThroughput(series)} className="h-[200px]">
          <LazyThroughputChart series={series} />
        </div>
      </div>
      <ShowNumbers>
        <Table aria-label="Counted answers per day">
          <thead>
            <tr>
              <Th>Day (UTC)</Th>
              <Th className="text-right">Counted answers</Th>
            </tr>
          </thead>
          <tbody>
            {[...series].reverse().map((day) => (
              <tr key={day.day.getTime()}>
                <Td>{formatWindow(day.day, "day")}</Td>
                <Td className="text-right tabular-nums">{day.answers}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ShowNumbers>
    </Card>
  );
}
