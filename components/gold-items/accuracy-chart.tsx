"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatAccuracy } from "./format";
import type { GoldAccuracyRow } from "./use-gold-items";

const TICK = { fontSize: 12, fill: "#71717a" };

/**
 * Gold-check accuracy per annotator (bars) with its 95 % Wilson interval (whiskers) and the queue's gate
 * threshold (dashed). Loaded only in the browser (recharts measures the DOM); the caller gives it its
 * accessible name and the numbers as a table.
 */
export function AccuracyChart({ rows, threshold }: { rows: readonly GoldAccuracyRow[]; threshold: number | null }) {
  const data = rows.map((row) => ({ name: row.annotatorName, accuracy: row.accuracy, interval: [row.accuracy - row.lower, row.upper - row.accuracy], row }));
  return (
    <BarChart data={data} layout="vertical" responsive accessibilityLayer={false} style={{ width: "100%", height: Math.max(120, 36 * data.length + 40) }} margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#f4f4f5" horizontal={false} />
      <XAxis type="number" domain={[0, 1]} tickFormatter={(value: number) => `${Math.round(value * 100)} %`} tick={TICK} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} />
      <YAxis type="category" dataKey="name" tick={TICK} tickLine={false} axisLine={false} width={140} />
      <Tooltip formatter={(_value, _name, item) => [formatAccuracy((item.payload as (typeof data)[number]).row), "Accuracy (95 % CI)"]} />
      {threshold !== null && <ReferenceLine x={threshold} stroke="#dc2626" strokeDasharray="4 4" />}
      {/* A 0 % bar still draws (2 px), so its interval whisker has something to hang on. */}
      <Bar dataKey="accuracy" name="Accuracy" fill="#d4a017" barSize={16} minPointSize={2} isAnimationActive={false}>
        <ErrorBar dataKey="interval" direction="x" width={6} stroke="#18181b" />
      </Bar>
    </BarChart>
  );
}
