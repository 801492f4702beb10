import { formatWindow } from "@/components/loop-health/window-format";
import { countOf } from "@/components/ui/plural";

type Day = { day: Date; queue: number; project: number };

function describeDay(day: Day): string {
  return `${formatWindow(day.day, "day")}: ${countOf(day.project, "answer")}, ${day.queue} in this queue`;
}

/**
 * Answers per UTC day as a row of small bars scaled to the busiest day, the part in this queue darker.
 * Screen readers hear every day's numbers; each bar shows its own on hover.
 */
export function ProgressBars({ days }: { days: readonly Day[] }) {
  const peak = Math.max(1, ...days.map((day) => day.project));
  return (
    <div role="img" aria-label={`Your answers per day, last ${days.length} days (UTC). ${days.map(describeDay).join("; ")}`} className="flex h-8 w-28 items-end gap-0.5">
      {days.map((day) => (
        <span
          key={day.day.getTime()}
          title={describeDay(day)}
          className="flex h-full flex-1 flex-col justify-end"
        >
          {day.project === 0 ? (
            <span className="h-0.5 rounded-[1px] bg-zinc-200" />
          ) : (
            <span className="flex flex-col justify-end overflow-hidden rounded-[1px] bg-gold-200" style={{ height: `${Math.max(12, (day.project / peak) * 100)}%` }}>
              <span className="bg-gold-500" style={{ height: `${(day.queue / day.project) * 100}%` }} />
            </span>
          )}
        </span>
      ))}
    </div>
  );
}
