"use client";

import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TICK, timeAxisProps } from "@/components/loop-health/time-axis";
import { formatNumber, formatWindow } from "@/components/loop-health/window-format";
import type { Granularity } from "@/server/metrics/catalog";
import type { AlphaPointData } from "./use-agreement";

/** α per window (line) inside its bootstrap interval (shaded); windows without enough data leave a gap. */
export function AlphaChart({ points, granularity }: { points: readonly AlphaPointData[]; granularity: Granularity }) {
  const rows = points.map((point) => ({
    t: new Date(point.windowStart).getTime(),
    alpha: point.value,
    interval: point.lower === null || point.upper === null ? null : [point.lower, point.upper],
  }));
  // A window between two gaps has no line to sit on; with few windows, dots keep each value visible.
  const hasDots = rows.length <= 60;
  return (
    <ComposedChart data={rows} responsive accessibilityLayer={false} style={{ width: "100%", height: 224 }} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
      <CartesianGrid stroke="#f4f4f5" vertical={false} />
      <XAxis {...timeAxisProps(granularity)} />
      <YAxis domain={[(min: number) => Math.min(0, Math.floor(min * 10) / 10), 1]} tickFormatter={(value: number) => formatNumber(value)} tick={CHART_TICK} tickLine={false} axisLine={false} width={56} />
      <Tooltip
        labelFormatter={(value) => formatWindow(Number(value), granularity)}
        formatter={(value, name) => [Array.isArray(value) ? value.map((bound) => formatNumber(Number(bound))).join(" – ") : formatNumber(Number(value)), name]}
      />
      <Area dataKey="interval" name="95 % interval" type="stepAfter" stroke="none" fill="#0284c7" fillOpacity={0.14} isAnimationActive={false} connectNulls={false} />
      <Line dataKey="alpha" name="α" type="monotone" stroke="#18181b" strokeWidth={2} dot={hasDots ? { r: 3 } : false} isAnimationActive={false} connectNulls={false} />
    </ComposedChart>
  );
}
