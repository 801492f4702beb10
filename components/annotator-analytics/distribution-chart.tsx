"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TICK } from "@/components/loop-health/time-axis";
import { formatShare } from "./format";

type Option = { title: string; mineShare: number; teamShare: number | null };

/**
 * Each option's share of this annotator's answers next to its share of everyone else's. Loaded only in the
 * browser; the caller gives it its accessible name and the numbers as a table.
 */
export function DistributionChart({ options, annotatorName }: { options: readonly Option[]; annotatorName: string }) {
  const rows = options.map((option) => ({ title: option.title, mine: option.mineShare, team: option.teamShare ?? 0 }));
  return (
    <BarChart data={rows} responsive accessibilityLayer={false} style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
      <CartesianGrid stroke="#f4f4f5" vertical={false} />
      <XAxis dataKey="title" tick={CHART_TICK} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} interval={0} />
      <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatShare(value)} tick={CHART_TICK} tickLine={false} axisLine={false} width={56} />
      <Tooltip formatter={(value) => formatShare(Number(value))} cursor={{ fill: "#f4f4f5" }} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="mine" name={annotatorName} fill="#d97706" radius={[2, 2, 0, 0]} isAnimationActive={false} />
      <Bar dataKey="team" name="Everyone else" fill="#a1a1aa" radius={[2, 2, 0, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
