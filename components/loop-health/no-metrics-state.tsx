import { EmptyState } from "@/components/ui/empty-state";
import type { Granularity } from "@/server/metrics/catalog";

/** Before the first metric points: what computes them, when, and how to watch the detectors work right now. */
export function NoMetricsState({ granularity }: { granularity: Granularity }) {
  return (
    <EmptyState title={`No ${granularity === "hour" ? "hourly" : "daily"} metric points yet`}>
      <p>
        The metrics job runs every minute. It folds new outputs, signals, annotations and gold labels into hourly and daily windows, and the
        detectors read those windows. Charts appear here after the first window has data.
      </p>
      <p className="mt-3">To see the detectors catch a collapsing loop, simulate one:</p>
      <code className="mt-2 block rounded-md bg-zinc-900 px-3 py-2 text-left text-xs text-zinc-100">npx goldloop simulate --scenario rubber-stamp</code>
    </EmptyState>
  );
}
