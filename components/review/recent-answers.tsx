"use client";

import Link from "next/link";
import { ItemStateBadge } from "@/components/resolution/item-state-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";

type RecentAnswer = { assignmentId: number; externalId: string; itemState: string; isChangeable: boolean; revision: number; submittedAt: Date };

/** The caller's latest answers in the queue, the one on screen marked; open ones can still change. */
export function RecentAnswers({ answers, baseHref, currentId }: { answers: readonly RecentAnswer[]; baseHref: string; currentId: number }) {
  return (
    <Card>
      <CardHeader title="Your recent answers" description="Change one while its item still waits for other reviewers." />
      <ol className="divide-y divide-zinc-100 text-sm">
        {answers.map((answer) => (
          <li key={answer.assignmentId} className={cn("flex items-center justify-between gap-3 px-5 py-2", answer.assignmentId === currentId && "bg-gold-50/60")}>
            <Link href={`${baseHref}/${answer.assignmentId}`} aria-current={answer.assignmentId === currentId ? "page" : undefined} className="min-w-0 truncate font-mono text-xs text-zinc-800 hover:underline">
              {answer.externalId}
            </Link>
            <span className="flex shrink-0 items-center gap-2 text-xs text-zinc-500">
              {answer.revision > 1 && <span>changed</span>}
              <DateTime value={answer.submittedAt} />
              <ItemStateBadge state={answer.itemState} />
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
