"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export type BalanceBar = { split: string } & Record<string, number | string>;

const palette = ["#059669", "#dc2626", "#d97706", "#0284c7", "#7c3aed", "#db2777", "#65a30d", "#0891b2", "#57534e"];

/**
 * Rows per split, stacked by label value. Loaded only in the browser (recharts measures the DOM); the caller
 * gives it its accessible name and the numbers as a table.
 */
export function ClassBalanceChart({ bars, values }: { bars: BalanceBar[]; values: string[] }) {
  return (
    <BarChart data={bars} responsive accessibilityLayer={false} style={{ width: "100%", height: 240 }} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
      <CartesianGrid stroke="#f4f4f5" vertical={false} />
      <XAxis dataKey="split" tick={{ fontSize: 12, fill: "#71717a" }} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} />
      <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#71717a" }} tickLine={false} axisLine={false} />
      <Tooltip />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {values.map((value, index) => (
        <Bar key={value} dataKey={value} stackId="split" fill={palette[index % palette.length]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
