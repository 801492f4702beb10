import { formatWindow } from "@/components/loop-health/window-format";
import { countOf } from "@/components/ui/plural";

type Day = { day: Date; answers: number };

/** The words a screen reader hears for a throughput chart: the total and the busiest day. */
export function summarizeThroughput(series: readonly Day[]): string {
  const total = series.reduce((sum, day) => sum + day.answers, 0);
  if (total === 0) return `No counted answers in the last ${countOf(series.length, "day")}`;
  const busiest = series.reduce((best, day) => (day.answers > best.answers ? day : best));
  return `${countOf(total, "counted answer")} in the last ${countOf(series.length, "day")}; busiest day ${formatWindow(busiest.day, "day")} with ${busiest.answers}`;
}
