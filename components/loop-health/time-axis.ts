import type { Granularity } from "@/server/metrics/catalog";
import { formatWindow } from "./window-format";

/** The tick style every loop-health chart uses. */
export const CHART_TICK = { fontSize: 12, fill: "#71717a" };

/** The x axis of every loop-health chart: window starts as epoch milliseconds on a time scale. */
export function timeAxisProps(granularity: Granularity) {
  return {
    dataKey: "t",
    type: "number",
    scale: "time",
    domain: ["dataMin", "dataMax"],
    tickFormatter: (value: number) => formatWindow(value, granularity),
    tick: CHART_TICK,
    tickLine: false,
    axisLine: { stroke: "#e4e4e7" },
    minTickGap: 24,
  } as const;
}
