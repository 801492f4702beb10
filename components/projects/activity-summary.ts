import { countOf } from "@/components/ui/plural";
import type { useProjectActivity } from "./use-project-activity";

export type DailyActivity = ReturnType<typeof useProjectActivity>["daily"][number];

/** "Mar 12" for a UTC `YYYY-MM-DD`, the same on the server and in every browser time zone. */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** One sentence a screen reader can say instead of the chart: the window, the totals and the busiest day. */
export function summarizeActivity(daily: DailyActivity[]): string {
  const first = daily[0];
  const last = daily.at(-1);
  if (!first || !last) return "No activity to chart.";
  const sum = (key: "outputs" | "annotations" | "goldLabels") => daily.reduce((total, row) => total + row[key], 0);
  const window = `${formatDay(first.day)} to ${formatDay(last.day)} (UTC)`;
  const totals = `${countOf(sum("outputs"), "output")} ingested, ${countOf(sum("annotations"), "annotation")} submitted and ${countOf(sum("goldLabels"), "gold label")} created`;
  const busiest = daily.reduce((best, row) => (row.outputs > best.outputs ? row : best), first);
  const peak = busiest.outputs > 0 ? `; most outputs on ${formatDay(busiest.day)} (${busiest.outputs.toLocaleString("en")})` : "";
  return `Daily activity, ${window}: ${totals}${peak}.`;
}
