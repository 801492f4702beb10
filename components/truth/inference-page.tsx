"use client";

import type { ProjectRole } from "@/server/auth/roles";
import { Suspense } from "react";
import { QueueTabs } from "@/components/queues/queue-tabs";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/form-errors";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { FitSummaryCard } from "./fit-summary-card";
import { FlagsCard } from "./flags-card";
import { RefitStatus } from "./refit-status";
import { ReliabilityCard } from "./reliability-card";
import { useQueueFit, useRefit } from "./use-truth";
import { QueueBreadcrumb } from "@/components/queues/queue-breadcrumb";

type InferencePageProps = { projectId: string; slug: string; queueId: string; canManage: boolean; role: ProjectRole };

/** A queue's truth inference: the latest Dawid–Skene fit, each annotator's reliability, refits and the gold they flag. */
export function InferencePage({ projectId, slug, queueId, canManage, role }: InferencePageProps) {
  const view = useQueueFit(projectId, queueId);
  const refit = useRefit();
  const isRefitting = refit.isPending || view.refit?.state === "queued" || view.refit?.state === "running";
  const startRefit = () => refit.mutate({ projectId, queueId });
  useShortcuts(canManage && !isRefitting ? [{ keys: ["f"], label: "Refit now", run: startRefit }] : []);
  const policy =
    view.queue.consensusMethod === "dawid_skene"
      ? `Gold on this queue comes from the Dawid–Skene posterior (at least ${view.queue.minPosterior}).`
      : "Gold on this queue comes from the majority vote; the fit still measures every annotator.";
  return (
    <>
      <QueueBreadcrumb slug={slug} queueId={queueId} queueName={view.queue.name} section="Truth inference" />
      <PageHeader
        title="Truth inference"
        description={`Dawid–Skene weighs every answer by how reliable its annotator has been. ${policy} Refits run by themselves a minute after answers settle.`}
        action={
          canManage ? (
            <Button onClick={startRefit} isBusy={isRefitting} aria-keyshortcuts="f">
              {isRefitting ? "Refitting…" : "Refit now"} <Kbd>f</Kbd>
            </Button>
          ) : undefined
        }
      />
      <QueueTabs slug={slug} queueId={queueId} role={role} />
      <div className="space-y-6">
        {errorMessage(refit.error) && <Alert tone="error">{errorMessage(refit.error)}</Alert>}
        <RefitStatus refit={view.refit} isDawidSkene={view.queue.consensusMethod === "dawid_skene"} />
        {view.fields.length === 0 ? (
          !view.hasCountedAnswers ? (
            <EmptyState title="No answers to learn from yet">
              A fit needs answers: once annotators label items in this queue (or you import crowd labels with <code>npx goldloop import-labels</code>), Goldloop
              estimates each annotator&apos;s confusion matrix and weighs their answers by it.
            </EmptyState>
          ) : (
            <EmptyState
              title="Not fitted yet"
              action={
                canManage ? (
                  <Button onClick={startRefit} isBusy={isRefitting}>
                    Fit now
                  </Button>
                ) : undefined
              }
            >
              This queue has answers but no fit yet. The scheduler fits it within a minute of the answers settling; a lead can fit it now.
            </EmptyState>
          )
        ) : (
          view.fields.map((fit) => (
            <div key={fit.fieldKey} className="space-y-6">
              <FitSummaryCard fit={fit} />
              <ReliabilityCard fit={fit} />
            </div>
          ))
        )}
        <Suspense fallback={<p className="text-sm text-zinc-500">Loading flags…</p>}>
          <FlagsCard projectId={projectId} slug={slug} queueId={queueId} canManage={canManage} />
        </Suspense>
      </div>
    </>
  );
}
