"use client";

import Link from "next/link";
import { QueueBreadcrumb } from "./queue-breadcrumb";
import { useRouter } from "next/navigation";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { countOf } from "@/components/ui/plural";
import type { ProjectRole } from "@/server/auth/roles";
import { primaryChoiceField } from "@/server/queues/schema";
import { listAgreementDimensions } from "@/server/agreement/dimensions";
import { BackfillButton } from "./backfill-button";
import { LabelSchemaCard } from "./label-schema-card";
import { LoopSettingsCard } from "./loop-settings-card";
import { QualitySettingsCard } from "./quality-settings-card";
import { QueueTabs } from "./queue-tabs";
import { PausedAnnotatorsNotice } from "@/components/gold-items/paused-annotators-notice";
import { Markdown } from "@/components/outputs/markdown";
import { QueueProgress } from "./queue-progress";
import { describeOverlap } from "./queue-wording";
import { describeSamplingRule } from "./sampling-rule-summary";
import { describeSamplingScience } from "./sampling-science-summary";
import { SamplingPlans } from "./sampling-plans";
import { StartReviewing } from "./start-reviewing";
import { useQueue } from "./use-queues";

type QueueDetailProps = {
  projectId: string;
  slug: string;
  queueId: string;
  canManage: boolean;
  canReview: boolean;
  role: ProjectRole;
  backfillResult: { scanned: number; added: number } | null;
};

/** One queue: its rubric, label, rule and progress, with backfill for leads and the way into review. */
export function QueueDetail({ projectId, slug, queueId, canManage, canReview, role, backfillResult }: QueueDetailProps) {
  const queue = useQueue(projectId, queueId);
  const primaryField = primaryChoiceField(queue.labelSchema);
  const router = useRouter();
  const base = `/p/${slug}`;
  const reviewHref = `${base}/queues/${queue.id}/review`;
  const canStart = canReview && queue.mine.available > 0;
  const editHref = `${base}/queues/${queue.id}/edit`;
  useShortcuts([
    ...(canStart ? [{ keys: ["r"], label: "Start reviewing", run: () => router.push(reviewHref) }] : []),
    ...(canManage ? [{ keys: ["e"], label: "Edit the queue", run: () => router.push(editHref) }] : []),
  ]);
  return (
    <>
      <QueueBreadcrumb slug={slug} queueId={queueId} queueName={queue.name} />
      <PageHeader
        title={queue.name}
        description={
          <>
            Created <DateTime value={queue.createdAt} style="date" />. {describeOverlap(queue.overlap, queue.maxOverlap, queue.mode)}
          </>
        }
        action={
          <div className="flex flex-wrap items-start gap-2">
            {canManage && (
              <Link href={editHref} className="inline-flex h-10 items-center gap-2 rounded-md px-3 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50">
                Edit queue <Kbd>e</Kbd>
              </Link>
            )}
            <StartReviewing href={reviewHref} progress={queue.progress} mine={queue.mine} canReview={canReview} shortcut={canStart ? "r" : undefined} />
          </div>
        }
      />
      <QueueTabs slug={slug} queueId={queue.id} role={role} hasChoiceField={primaryField !== undefined} hasAgreementField={listAgreementDimensions(queue.labelSchema).length > 0} />
      {canManage && <PausedAnnotatorsNotice projectId={projectId} queueId={queue.id} manageHref={`${base}/queues/${queue.id}/gold-checks#pauses`} />}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Progress" description={`${countOf(queue.progress.total, "item")} in the queue.`} />
            <div className="space-y-3 px-5 py-4">
              <QueueProgress progress={queue.progress} />
              {canReview && (
                <p className="text-sm text-zinc-500">
                  You have submitted <span className="font-medium text-zinc-900 tabular-nums">{queue.mine.submitted}</span>, skipped{" "}
                  <span className="font-medium text-zinc-900 tabular-nums">{queue.mine.skipped}</span>, and can still claim{" "}
                  <span className="font-medium text-zinc-900 tabular-nums">{queue.mine.available}</span>.
                </p>
              )}
            </div>
          </Card>
          <Card>
            <CardHeader title="Instructions" description="Shown to reviewers above every item." />
            <div className="px-5 py-4">
              {queue.instructions.trim() ? (
                <Markdown>{queue.instructions}</Markdown>
              ) : (
                <p className="text-sm text-zinc-500">No instructions. Reviewers only see the label and its options, so say what each option means when you can.</p>
              )}
            </div>
          </Card>
          <Card>
            <CardHeader title="Sampling" description={describeSamplingRule(queue.samplingRule)} />
            <div className="space-y-3 px-5 py-4 text-sm text-zinc-600">
              {describeSamplingScience(queue.samplingRule).length > 0 && (
                <ul aria-label="Sampling design" className="list-disc space-y-1 pl-5 text-zinc-700">
                  {describeSamplingScience(queue.samplingRule).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              <p>
                New outputs are checked against this rule as they are ingested. Backfill applies it to outputs stored before the queue existed;
                it is safe to run again, since an output enters a queue once.
              </p>
              {canManage && <BackfillButton projectId={projectId} queueId={queue.id} initialResult={backfillResult} />}
              <SamplingPlans plans={queue.samplingPlans} />
            </div>
          </Card>
        </div>
        <div className="space-y-6">
          <LabelSchemaCard labelSchema={queue.labelSchema} majorityThreshold={queue.majorityThreshold} />
          <Card>
            <CardHeader title="Review" />
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 px-5 py-4 text-sm">
              <dt className="text-zinc-500">Mode</dt>
              <dd>
                <Badge>{queue.mode}</Badge>
              </dd>
              <dt className="text-zinc-500">Reviewers per item</dt>
              <dd className="tabular-nums">{queue.overlap}</dd>
              <dt className="text-zinc-500">Lease</dt>
              <dd className="tabular-nums">{formatDuration(queue.leaseSeconds)}</dd>
            </dl>
          </Card>
          <QualitySettingsCard
            projectId={projectId}
            queueId={queue.id}
            overlap={queue.overlap}
            settings={queue}
            canManage={canManage}
          />
          {primaryField && (
            <LoopSettingsCard
              projectId={projectId}
              queueId={queue.id}
              field={primaryField}
              settings={{ holdoutFraction: queue.holdoutFraction, suggestionDisplay: queue.suggestionDisplay, decoyRate: queue.decoyRate, approvalValues: queue.approvalValues }}
              canManage={canManage}
            />
          )}
        </div>
      </div>
    </>
  );
}

function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
