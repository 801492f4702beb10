import type { ReleaseStatus } from "@/server/datasets/schema";

type ReleaseProgressProps = { number: number; status: ReleaseStatus; rowsFrozen: number; rowsExpected: number | null };

/** A release being built: queued, or frozen so far out of the rows it will hold, as a real progress bar. */
export function ReleaseProgress({ number, status, rowsFrozen, rowsExpected }: ReleaseProgressProps) {
  const label = `Release ${number} progress`;
  if (status === "queued" || rowsExpected === null) {
    return (
      <div className="space-y-1">
        <div role="progressbar" aria-label={label} aria-valuetext="waiting for a worker" className="h-1.5 w-40 animate-pulse rounded-full bg-zinc-200" />
        <span className="text-xs text-zinc-500">Queued: waiting for a worker</span>
      </div>
    );
  }
  const share = rowsExpected === 0 ? 1 : Math.min(rowsFrozen / rowsExpected, 1);
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={rowsExpected}
        aria-valuenow={rowsFrozen}
        aria-valuetext={`${rowsFrozen.toLocaleString("en")} of ${rowsExpected.toLocaleString("en")} rows frozen`}
        className="h-1.5 w-40 overflow-hidden rounded-full bg-zinc-200"
      >
        <div className="h-full rounded-full bg-gold-500 transition-[width]" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <span className="text-xs text-zinc-500 tabular-nums">
        {rowsFrozen.toLocaleString("en")} of {rowsExpected.toLocaleString("en")} rows frozen
      </span>
    </div>
  );
}
