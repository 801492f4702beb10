import Link from "next/link";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";

type Mine = { submitted: number; skipped: number; available: number };

type Progress = { total: number; pending: number; inReview: number };

/** Why an annotator has nothing to claim in a queue, in words they can act on. */
export function explainNothingAvailable(progress: Progress, mine: Mine): string {
  if (progress.total === 0) return "No items in this queue yet. They arrive as matching outputs are ingested or backfilled.";
  if (progress.pending + progress.inReview === 0) return "Every item here is decided or waiting for a lead. New items appear as outputs are sampled.";
  if (mine.submitted + mine.skipped > 0) return `You have done your part here (${mine.submitted} submitted). New items appear as outputs are sampled.`;
  return "Every remaining item already has enough reviewers or is leased to someone right now.";
}

/** The way into the review page, or a disabled button that says why there is nothing to do; nothing for members who do not review. */
export function StartReviewing({ href, progress, mine, canReview, shortcut }: { href: string; progress: Progress; mine: Mine; canReview: boolean; shortcut?: string }) {
  const explanationId = useId();
  if (!canReview) return null;
  if (mine.available > 0) {
    return (
      <Link
        href={href}
        className="inline-flex h-10 shrink-0 items-center justify-center gap-2 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700"
      >
        Start reviewing
        <span className="rounded bg-white/15 px-1.5 text-xs tabular-nums">{mine.available}</span>
        {shortcut && <Kbd>{shortcut}</Kbd>}
      </Link>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1 text-right">
      <Button disabled aria-describedby={explanationId}>
        Start reviewing
      </Button>
      <p id={explanationId} className="max-w-64 text-xs text-zinc-500">
        {explainNothingAvailable(progress, mine)}
      </p>
    </div>
  );
}
