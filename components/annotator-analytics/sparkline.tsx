import { summarizeThroughput } from "./throughput-summary";

/** Answers per day as small bars, scaled to the busiest day; the numbers are on the annotator's page. */
export function ThroughputSparkline({ series }: { series: readonly { day: Date; answers: number }[] }) {
  const peak = Math.max(1, ...series.map((day) => day.answers));
  return (
    <div role="img" aria-label={summarizeThroughput(series)} className="flex h-6 w-32 items-end gap-px">
      {series.map((day) => (
        <span
          key={day.day.getTime()}
          className={day.answers > 0 ? "flex-1 rounded-[1px] bg-gold-500" : "flex-1 rounded-[1px] bg-zinc-200"}
          style={{ height: day.answers > 0 ? `${Math.max(12, (day.answers / peak) * 100)}%` : "2px" }}
        />
      ))}
    </div>
  );
}
