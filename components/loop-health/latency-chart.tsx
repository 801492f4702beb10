"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Granularity } from "@/server/metrics/catalog";
import type { QueueLatencyData } from "./use-loop-health";
import { formatSeconds, formatWindow } from "./window-format";
import { CHART_TICK, timeAxisProps } from "./time-axis";

/**
 * Ingest → pullable p50 and p95 of one queue per window. Loaded only in the browser (recharts measures the
 * DOM); the caller gives it its accessible name and the numbers as a table.
 */
export function LatencyChart({ windows, granularity }: { windows: QueueLatencyData["windows"]; granularity: Granularity }) {
  const rows = windows.map((window) => ({ t: window.windowStart.getTime(), p50: window.stages.pullable?.p50 ?? null, p95: window.stages.pullable?.p95 ?? null }));
  return (
    <LineChart data={rows} responsive accessibilityLayer={false} style={{ width: "100%", height: 224 }} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
      <CartesianGrid stroke="#f4f4f5" vertical={false} />
      <XAxis {...timeAxisProps(granularity)} />
      <YAxis tickFormatter={(value: number) => formatSeconds(value)} tick={CHART_TICK} tickLine={false} axisLine={false} width={64} />
      <Tooltip labelFormatter={(value) => formatWindow(Number(value), granularity)} formatter={(value, name) => [formatSeconds(Number(value)), name]} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line dataKey="p50" name="p50" stroke="#0284c7" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      <Line dataKey="p95" name="p95" stroke="#d97706" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
    </LineChart>
  );
}
