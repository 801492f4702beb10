"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TICK } from "@/components/loop-health/time-axis";
import { formatWindow } from "@/components/loop-health/window-format";

/**
 * Counted answers per UTC day. Loaded only in the browser (recharts measures the DOM); the caller gives it
 * its accessible name and the numbers as a table.
 */
export function ThroughputChart({ series }: { series: readonly { day: Date; answers: number }[] }) {
  const rows = series.map((day) => ({ label: formatWindow(day.day, "day"), answers: day.answers }));
  return (
    <BarChart data={rows} responsive accessibilityLayer={false} style={{ width: "100%", height: 200 }} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
      <CartesianGrid stroke="#f4f4f5" vertical={false} />
      <XAxis dataKey="label" tick={CHART_TICK} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} minTickGap={24} />
      <YAxis allowDecimals={false} tick={CHART_TICK} tickLine={false} axisLine={false} />
      <Tooltip cursor={{ fill: "#f4f4f5" }} />
      <Bar dataKey="answers" name="Counted answers" fill="#d97706" radius={[2, 2, 0, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
