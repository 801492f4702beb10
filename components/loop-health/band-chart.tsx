"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { WINDOW_MS } from "@/server/alerts/windows";
import type { Granularity } from "@/server/metrics/catalog";
import { toBandChartRows, type BandWindow } from "./band-chart-data";
import { formatNumber, formatWindow } from "./window-format";
import { CHART_TICK, timeAxisProps } from "./time-axis";

/** An alert drawn over a chart: the span from its first to its last firing window. */
export type AlertSpan = { id: string; from: Date; to: Date; isLive: boolean };

/**
 * A statistic per window (line), its null band (shaded), firing windows (red dots) and alerts (red spans),
 * plus a rule's threshold line when there is one. Loaded only in the browser (recharts measures the DOM);
 * the caller gives it its accessible name and the numbers as a table.
 */
export function BandChart({
  windows,
  granularity,
  statisticLabel,
  alerts = [],
  threshold = null,
}: {
  windows: readonly BandWindow[];
  granularity: Granularity;
  statisticLabel: string;
  alerts?: readonly AlertSpan[];
  threshold?: number | null;
}) {
  const { rows, domain } = toBandChartRows(windows, threshold);
  return (
    <ComposedChart data={rows} responsive accessibilityLayer={false} style={{ width: "100%", height: 224 }} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
      <CartesianGrid stroke="#f4f4f5" vertical={false} />
      <XAxis {...timeAxisProps(granularity)} />
      <YAxis domain={domain} tickFormatter={(value: number) => formatNumber(value)} tick={CHART_TICK} tickLine={false} axisLine={false} width={56} />
      <Tooltip
        labelFormatter={(value) => formatWindow(Number(value), granularity)}
        formatter={(value, name) => [Array.isArray(value) ? value.map((bound) => formatNumber(Number(bound))).join(" – ") : formatNumber(Number(value)), name]}
      />
      {alerts.map((alert) => (
        <ReferenceArea
          key={alert.id}
          x1={alert.from.getTime()}
          x2={alert.to.getTime() + WINDOW_MS[granularity]}
          fill={alert.isLive ? "#dc2626" : "#a1a1aa"}
          fillOpacity={0.1}
          ifOverflow="hidden"
        />
      ))}
      <Area dataKey="band" name="Null band" type="stepAfter" stroke="none" fill="#0284c7" fillOpacity={0.14} isAnimationActive={false} connectNulls={false} />
      {threshold !== null && <ReferenceLine y={threshold} stroke="#d97706" strokeDasharray="4 4" />}
      <Line dataKey="statistic" name={statisticLabel} type="monotone" stroke="#18181b" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      <Scatter dataKey="firing" name="Outside the band" fill="#dc2626" isAnimationActive={false} />
    </ComposedChart>
  );
}
