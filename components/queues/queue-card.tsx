import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { countOf } from "@/components/ui/plural";
import { QueueProgress, type QueueProgressCounts } from "./queue-progress";
import { StartReviewing } from "./start-reviewing";

export type QueueSummary = {
  id: string;
  name: string;
  mode: string;
  overlap: number;
  progress: QueueProgressCounts;
  mine: { submitted: number; skipped: number; available: number };
};

/** One queue in the list: what it is, how far along it is, and the way in. */
export function QueueCard({ queue, base, canReview, shortcut }: { queue: QueueSummary; base: string; canReview: boolean; shortcut?: string }) {
  const headingId = `queue-${queue.id}`;
  return (
    <Card aria-labelledby={headingId} role="region" className="p-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-base font-semibold text-zinc-900">
            <Link href={`${base}/queues/${queue.id}`} className="hover:underline">
              {queue.name}
            </Link>
          </h2>
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
            <Badge tone="neutral">{queue.mode}</Badge>
            <Badge tone="gold">
              {countOf(queue.overlap, "reviewer")} per item
            </Badge>
          </div>
        </div>
        <StartReviewing href={`${base}/queues/${queue.id}/review`} progress={queue.progress} mine={queue.mine} canReview={canReview} shortcut={shortcut} />
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end">
        <QueueProgress progress={queue.progress} />
        {canReview && (
          <p className="text-sm text-zinc-500 sm:text-right">
            You: <span className="font-medium text-zinc-900 tabular-nums">{queue.mine.submitted}</span> submitted ·{" "}
            <span className="font-medium text-zinc-900 tabular-nums">{queue.mine.available}</span> available
          </p>
        )}
      </div>
    </Card>
  );
}
