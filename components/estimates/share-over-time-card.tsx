"use client";

import { useState } from "react";
import { formatWindow } from "@/components/loop-health/window-format";
import { Card, CardHeader } from "@/components/ui/card";
import { ShowNumbers } from "@/components/ui/show-numbers";
import { Table, Td, Th } from "@/components/ui/table";
import type { EstimateGranularity } from "@/server/estimates/schema";
import { LazyShareChart } from "./share-chart-lazy";
import { formatShare } from "./share-format";
import { ToggleGroup } from "@/components/ui/toggle-group";
import type { QueueEstimatesData } from "./use-estimates";

const granularityChoices = [
  { value: "day", label: "Daily" },
  { value: "week", label: "Weekly" },
] as const;

/** One option's estimated share per window of production time, as a chart and, behind a disclosure, a table. */
export function ShareOverTimeCard({ estimates, onGranularityChange }: { estimates: QueueEstimatesData; onGranularityChange: (value: EstimateGranularity) => void }) {
  const options = estimates.field.options;
  const [value, setValue] = useState(options[0]!.value);
  const points = estimates.series.map((window) => {
    const estimate = window.shares.find((share) => share.value === value)!;
    return { windowStart: window.windowStart, items: window.items, share: estimate.share, lower: estimate.lower, upper: estimate.upper, margin: estimate.margin };
  });
  return (
    <Card>
      <CardHeader
        title="Over time"
        description={`The share per ${estimates.granularity} (UTC) the outputs were produced in, with its 95 % interval.`}
        action={<ToggleGroup label="Window" choices={granularityChoices} value={estimates.granularity} onChange={onGranularityChange} />}
      />
      <div className="px-5 pt-4">
        <ToggleGroup label="Value" choices={options.map((option) => ({ value: option.value, label: option.title }))} value={value} onChange={setValue} />
      </div>
      <figure aria-label="Estimated share per window" className="px-5 pt-4 pb-2">
        <LazyShareChart points={points} />
      </figure>
      <ShowNumbers label="Numbers behind the share over time">
        <Table aria-label="Share per window">
          <thead>
            <tr>
              <Th>Window (UTC)</Th>
              <Th className="text-right">Labelled items</Th>
              <Th className="text-right">Share</Th>
              <Th className="text-right">95 % interval</Th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((point) => (
              <tr key={new Date(point.windowStart).getTime()}>
                <Td>{formatWindow(new Date(point.windowStart), "day")}</Td>
                <Td className="text-right tabular-nums">{point.items}</Td>
                <Td className="text-right tabular-nums">
                  {formatShare(point.share)} ± {formatShare(point.margin)}
                </Td>
                <Td className="text-right tabular-nums">
                  {formatShare(point.lower)} – {formatShare(point.upper)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ShowNumbers>
    </Card>
  );
}
