import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { Granularity } from "@/server/metrics/catalog";
import type { BandWindow } from "./band-chart-data";
import { formatNumber, formatWindow } from "./window-format";
import { ShowNumbers } from "@/components/ui/show-numbers";

/** A band chart's numbers, newest window first, behind a disclosure like the overview's. */
export function BandNumbers({ windows, granularity, statisticLabel, caption }: { windows: readonly BandWindow[]; granularity: Granularity; statisticLabel: string; caption: string }) {
  return (
    <ShowNumbers>
        <Table aria-label={caption}>
          <thead>
            <tr>
              <Th>Window (UTC)</Th>
              <Th className="text-right">n</Th>
              <Th className="text-right">{statisticLabel}</Th>
              <Th className="text-right">Band low</Th>
              <Th className="text-right">Band high</Th>
              <Th>Fires</Th>
            </tr>
          </thead>
          <tbody>
            {[...windows].reverse().map((window) => (
              <tr key={window.windowStart.getTime()}>
                <Td>{formatWindow(window.windowStart, granularity)}</Td>
                <Td className="text-right tabular-nums">{window.sampleSize}</Td>
                <Td className="text-right tabular-nums">{window.statistic === null ? "not enough data" : formatNumber(window.statistic)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(window.lower)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(window.upper)}</Td>
                <Td>{window.isFiring ? <Badge tone="red">fires</Badge> : <span className="text-zinc-500">no</span>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
    </ShowNumbers>
  );
}
