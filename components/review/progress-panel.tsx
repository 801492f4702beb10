"use client";

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ProgressBars } from "./progress-bars";
import { useMyProgress } from "./use-my-progress";

type ProgressPanelProps = {
  projectId: string;
  queueId: string;
  /** Items of the queue still waiting for answers (pending or in review), from the queue's own progress. */
  remaining: number;
  /** How many of those the annotator could still claim. */
  claimable: number;
};

const UTC_HINT = "Days are UTC days; the week is the ISO week, from Monday 00:00 UTC.";

function Figure({ term, hint, children }: { term: string; hint?: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500" title={hint}>
        {term}
      </dt>
      <dd className="mt-0.5 text-sm text-zinc-900 tabular-nums">{children}</dd>
    </div>
  );
}

/** "12 here · 30 in project", with "—" until the counts arrive. */
function Counts({ count }: { count: { queue: number; project: number } | undefined }) {
  if (!count) return <span className="text-zinc-500">—</span>;
  return (
    <>
      <span className="font-semibold">{count.queue.toLocaleString("en")}</span> here
      <span className="text-zinc-500"> · {count.project.toLocaleString("en")} in project</span>
    </>
  );
}

/** The annotator's own pace (today, this week, the last seven days) and what is left in the queue. */
export function ProgressPanel({ projectId, queueId, remaining, claimable }: ProgressPanelProps) {
  const progress = useMyProgress(projectId, queueId).data;
  return (
    <Card className="mb-6 px-5 py-3">
      <section aria-labelledby="my-progress-heading" className="flex flex-wrap items-center gap-x-8 gap-y-3">
        <h2 id="my-progress-heading" className="sr-only">
          Your progress
        </h2>
        <dl className="grid flex-1 grid-cols-2 gap-x-8 gap-y-3 sm:grid-cols-3">
          <Figure term="Today (UTC)" hint={UTC_HINT}>
            <Counts count={progress?.today} />
          </Figure>
          <Figure term="This week (UTC, from Monday)" hint={UTC_HINT}>
            <Counts count={progress?.week} />
          </Figure>
          <Figure term="Left in this queue">
            <span className="font-semibold">{remaining.toLocaleString("en")}</span> {remaining === 1 ? "item" : "items"}
            <span className="text-zinc-500"> · {claimable.toLocaleString("en")} for you</span>
          </Figure>
        </dl>
        {progress && <ProgressBars days={progress.days} />}
      </section>
    </Card>
  );
}
