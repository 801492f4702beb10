import { GranularitySwitch } from "@/components/loop-health/granularity-switch";
import { formatWindow } from "@/components/loop-health/window-format";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { Granularity } from "@/server/metrics/catalog";
import { LazyAlphaChart } from "./alpha-chart-lazy";
import { formatInterval, formatStatistic } from "./estimate-format";
import { Greek } from "./greek";
import type { QueueAgreementData } from "./use-agreement";
import { ShowNumbers } from "@/components/ui/show-numbers";

/** α per window of resolved items, from the loop-health metrics, as a chart and, behind a disclosure, a table. */
export function AlphaOverTimeCard({ series, fieldTitle, onGranularityChange }: { series: QueueAgreementData["alphaOverTime"]; fieldTitle: string; onGranularityChange: (value: Granularity) => void }) {
  const { points, granularity } = series;
  const hasValues = points.some((point) => point.value !== null);
  return (
    <Card>
      <CardHeader
        title="α over time"
        description={`Nominal α on ${fieldTitle} over the items resolved in each ${granularity === "day" ? "day" : "hour"} (UTC), with its bootstrap interval.`}
        action={<GranularitySwitch value={granularity} onChange={onGranularityChange} />}
      />
      {hasValues ? (
        <>
          <figure aria-label="Krippendorff's α per window" className="px-5 pt-4 pb-2">
            <LazyAlphaChart points={points} granularity={granularity} />
          </figure>
          <ShowNumbers label="Numbers behind α over time">
              <Table aria-label="α per window">
                <thead>
                  <tr>
                    <Th>Window (UTC)</Th>
                    <Th className="text-right">Items</Th>
                    <Th className="text-right">
                      <Greek letter="α" />
                    </Th>
                    <Th className="text-right">95 % interval</Th>
                  </tr>
                </thead>
                <tbody>
                  {[...points].reverse().map((point) => (
                    <tr key={new Date(point.windowStart).getTime()}>
                      <Td>{formatWindow(new Date(point.windowStart), granularity)}</Td>
                      <Td className="text-right tabular-nums">{point.pairableItems}</Td>
                      <Td className="text-right tabular-nums">{point.value === null ? "not enough data" : formatStatistic(point)}</Td>
                      <Td className="text-right tabular-nums">{formatInterval(point) || "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
          </ShowNumbers>
        </>
      ) : (
        <div className="p-5">
          <EmptyState title="No α windows yet">
            The metrics job measures α for each window once items in it are resolved with two or more answers. It runs every few minutes; a lead can
            recompute past windows from Loop health.
          </EmptyState>
        </div>
      )}
    </Card>
  );
}
