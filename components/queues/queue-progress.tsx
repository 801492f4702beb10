import { cn } from "@/components/ui/cn";
import { countOf } from "@/components/ui/plural";

export type QueueProgressCounts = { total: number; pending: number; inReview: number; conflict: number; resolved: number; skippedOut: number };

const segments = [
  { key: "resolved", label: "resolved", bar: "bg-emerald-500", dot: "bg-emerald-500" },
  { key: "conflict", label: "in conflict", bar: "bg-red-500", dot: "bg-red-500" },
  { key: "inReview", label: "in review", bar: "bg-sky-500", dot: "bg-sky-500" },
  { key: "skippedOut", label: "skipped out", bar: "bg-zinc-400", dot: "bg-zinc-400" },
  { key: "pending", label: "pending", bar: "bg-zinc-200", dot: "bg-zinc-200 ring-1 ring-inset ring-zinc-300" },
] as const;

/** Describes the whole bar in one sentence, for screen readers and the tooltip. */
export function describeProgress(progress: QueueProgressCounts): string {
  if (progress.total === 0) return "No items yet";
  const parts = segments.filter((segment) => progress[segment.key] > 0).map((segment) => `${progress[segment.key]} ${segment.label}`);
  return `${countOf(progress.total, "item")}: ${parts.join(", ")}`;
}

/** A stacked bar of where a queue's items are, with a legend of the non-zero states. */
export function QueueProgress({ progress, isCompact = false }: { progress: QueueProgressCounts; isCompact?: boolean }) {
  const description = describeProgress(progress);
  return (
    <div>
      <div role="img" aria-label={description} title={description} className={cn("flex w-full overflow-hidden rounded-full bg-zinc-100", isCompact ? "h-1.5" : "h-2.5")}>
        {progress.total > 0 &&
          segments.map((segment) =>
            progress[segment.key] > 0 ? (
              <span key={segment.key} className={segment.bar} style={{ width: `${(progress[segment.key] / progress.total) * 100}%` }} />
            ) : null,
          )}
      </div>
      {!isCompact && (
        <ul aria-hidden className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-500">
          {segments
            .filter((segment) => progress[segment.key] > 0)
            .map((segment) => (
              <li key={segment.key} className="flex items-center gap-1.5">
                <span className={cn("size-2 rounded-full", segment.dot)} />
                <span className="font-medium text-zinc-700 tabular-nums">{progress[segment.key]}</span> {segment.label}
              </li>
            ))}
          {progress.total === 0 && <li>No items yet</li>}
        </ul>
      )}
    </div>
  );
}
