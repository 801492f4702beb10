"use client";

import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TICK, timeAxisProps } from "@/components/loop-health/time-axis";
import { formatWindow } from "@/components/loop-health/window-format";
import { formatShare } from "./share-format";

export type SharePoint = { windowStart: Date; share: number; lower: number; upper: number };

/** One value's estimated share per window (line) inside its 95 % interval (shaded). */
export function ShareChart({ points }: { points: readonly SharePoint[] }) {
  const rows = points.map((point) => ({ t: new Date(point.windowStart).getTime(), share: point.share, interval: [point.lower, point.upper] }));
  return (
    <ComposedChart data={rows} responsive accessibilityLayer={false} style={{ width: "100%", height: 224 }} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
      <CartesianGrid stroke="#f4f4f5" vertical={false} />
      <XAxis {...timeAxisProps("day")} />
      <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatShare(value)} tick={CHART_TICK} tickLine={false} axisLine={false} width={64} />
      <Tooltip
        labelFormatter={(value) => formatWindow(Number(value), "day")}
        formatter={(value, name) => [Array.isArray(value) ? value.map((bound) => formatShare(Number(bound))).join(" – ") : formatShare(Number(value)), name]}
      />
      <Area dataKey="interval" name="95 % interval" type="stepAfter" stroke="none" fill="#0284c7" fillOpacity={0.14} isAnimationActive={false} />
      <Line dataKey="share" name="Share" type="monotone" stroke="#18181b" strokeWidth={2} dot={rows.length <= 60 ? { r: 3 } : false} isAnimationActive={false} />
    </ComposedChart>
  );
}
