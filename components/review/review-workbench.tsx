"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ClaimRefusedState } from "@/components/gold-items/claim-refused-state";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { ProgressPanel } from "./progress-panel";
import { SharedTaskReview } from "./shared-task-review";
import { TaskReview } from "./task-review";
import { useReviewQueue } from "./use-review-queue";

type ReviewWorkbenchProps = { projectId: string; queueId: string; slug: string; userName: string };

/**
 * The annotator's review page: claims an item, shows it with the label form, and moves straight to the
 * prefetched next item on submit or skip. On a blind queue only this annotator's own work is ever shown; on
 * a collaborative one the item's annotators share one answer (SharedTaskReview).
 */
export function ReviewWorkbench({ projectId, queueId, slug, userName }: ReviewWorkbenchProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queue = useSuspenseQuery(trpc.queues.get.queryOptions({ projectId, queueId })).data;
  const review = useReviewQueue(projectId, queueId, queue.leaseSeconds);
  const [isInstructionsOpen, setIsInstructionsOpen] = useState(true);
  const queuesHref = `/p/${slug}/queues`;
  const { state } = review;
  // Loaded beside the item, never before it; refreshed after each answer, so P always opens the latest.
  const [latestAnswer] = useQuery(trpc.review.recentAnswers.queryOptions({ projectId, queueId })).data ?? [];
  const latestAnswerHref = latestAnswer ? `/p/${slug}/queues/${queueId}/review/answers/${latestAnswer.assignmentId}` : null;
  useShortcuts(latestAnswerHref ? [{ keys: ["p"], label: "Open your previous answer, to read or change it", run: () => router.push(latestAnswerHref) }] : []);

  // A collaborative item is answered together on one shared document; a blind one alone.
  const ItemReview = state.phase === "ready" && state.task.queue.mode === "collaborative" ? SharedTaskReview : TaskReview;
  return (
    <>
      <PageHeader
        title={queue.name}
        description={
          <span className="tabular-nums">
            {queue.mine.submitted} done in this queue
            {queue.mine.skipped > 0 && `, ${queue.mine.skipped} skipped`}
          </span>
        }
        action={
          <span className="flex items-center gap-4 text-sm font-medium">
            {latestAnswerHref && (
              <Link href={latestAnswerHref} className="text-zinc-600 hover:text-zinc-900 hover:underline">
                Previous answer <Kbd>P</Kbd>
              </Link>
            )}
            <Link href={queuesHref} className="text-zinc-600 hover:text-zinc-900 hover:underline">
              All queues
            </Link>
          </span>
        }
      />
      <ProgressPanel projectId={projectId} queueId={queueId} remaining={queue.progress.pending + queue.progress.inReview} claimable={queue.mine.available} />
      {state.phase === "loading" && (
        <div role="status" aria-label="Loading the next item" className="grid gap-6 lg:grid-cols-5">
          <div className="h-96 animate-pulse rounded-xl bg-zinc-100 lg:col-span-3" />
          <div className="h-72 animate-pulse rounded-xl bg-zinc-100 lg:col-span-2" />
        </div>
      )}
      {state.phase === "error" && (
        <Alert tone="error" title="Could not get an item to review">
          <p>{state.message}</p>
          <Button size="sm" variant="secondary" className="mt-2" onClick={() => void review.retry()}>
            Try again
          </Button>
        </Alert>
      )}
      {state.phase === "refused" && <ClaimRefusedState refusal={state.refusal} queuesHref={queuesHref} />}
      {state.phase === "empty" && (
        <EmptyState
          title="All caught up"
          action={
            <Link href={queuesHref} className="inline-flex h-10 items-center rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700">
              Back to queues
            </Link>
          }
        >
          Nothing is left for you in this queue right now. New items arrive as production outputs are sampled into it.
        </EmptyState>
      )}
      {state.phase === "ready" && (
        <ItemReview
          // A new label version remounts the form, so it reads its draft against the new fields.
          key={`${state.task.assignment.id}:${state.task.queue.schemaVersion}`}
          projectId={projectId}
          userName={userName}
          state={state}
          review={review}
          isInstructionsOpen={isInstructionsOpen}
          onToggleInstructions={() => setIsInstructionsOpen((isOpen) => !isOpen)}
        />
      )}
    </>
  );
}
