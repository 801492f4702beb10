"use client";

import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, type DailyActivity } from "./activity-summary";

const series = [
  { key: "outputs", name: "Outputs ingested", color: "#0284c7" },
  { key: "annotations", name: "Annotations submitted", color: "#d97706" },
  { key: "goldLabels", name: "Gold labels created", color: "#059669" },
] as const;

/**
 * The daily series as overlaid (not stacked) areas, one per count. Loaded only in the browser (recharts measures the DOM); the
 * caller wraps it in the accessible name, so recharts' own keyboard layer is off to avoid a focusable
 * application inside an image.
 */
export function ActivityChart({ daily }: { daily: DailyActivity[] }) {
  return (
    <AreaChart data={daily} responsive accessibilityLayer={false} style={{ width: "100%", height: 256 }} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
      <CartesianGrid stroke="#f4f4f5" vertical={false} />
      <XAxis dataKey="day" tickFormatter={formatDay} tick={{ fontSize: 12, fill: "#71717a" }} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} minTickGap={16} />
      <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#71717a" }} tickLine={false} axisLine={false} />
      <Tooltip labelFormatter={(day) => formatDay(String(day))} />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      {series.map((line) => (
        <Area key={line.key} type="monotone" dataKey={line.key} name={line.name} stroke={line.color} fill={line.color} fillOpacity={0.12} strokeWidth={2} isAnimationActive={false} />
      ))}
    </AreaChart>
  );
}
