"use client";

import { useState, useTransition } from "react";
import { QueueBreadcrumb } from "@/components/queues/queue-breadcrumb";
import { QueueTabs } from "@/components/queues/queue-tabs";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import type { ProjectRole } from "@/server/auth/roles";
import type { EstimateGranularity } from "@/server/estimates/schema";
import { ProductionShareCard } from "./production-share-card";
import { ShareOverTimeCard } from "./share-over-time-card";
import { useQueueEstimates } from "./use-estimates";

/** The queue's Estimates page: what share of all production each label value is, from gold and π. */
export function EstimatesDashboard({ projectId, slug, queueId, role }: { projectId: string; slug: string; queueId: string; role: ProjectRole }) {
  const [granularity, setGranularity] = useState<EstimateGranularity>("week");
  const [isSwitching, startSwitch] = useTransition();
  const estimates = useQueueEstimates(projectId, queueId, granularity);
  const switchGranularity = (value: EstimateGranularity) => startSwitch(() => setGranularity(value));
  useShortcuts([
    { keys: ["d"], label: "Daily estimate windows", run: () => switchGranularity("day") },
    { keys: ["w"], label: "Weekly estimate windows", run: () => switchGranularity("week") },
  ]);
  return (
    <>
      <QueueBreadcrumb slug={slug} queueId={queueId} queueName={estimates.queue.name} section="Estimates" />
      <PageHeader title="Estimates" description="What share of all production outputs the queue's rule matches carries each label, from gold labels weighted by their inclusion probability π." />
      <QueueTabs slug={slug} queueId={queueId} role={role} />
      <div className="space-y-6" aria-busy={isSwitching || undefined}>
        {estimates.items === 0 ? (
          <EmptyState title="No gold labels to estimate from yet">
            Estimates appear once items of this queue have gold. Every item records the probability π with which its rule drew it, so each gold
            label stands for 1/π production outputs; a handful of labels already gives a first, wide interval.
          </EmptyState>
        ) : (
          <>
            <ProductionShareCard estimates={estimates} />
            <ShareOverTimeCard estimates={estimates} onGranularityChange={switchGranularity} />
          </>
        )}
        <p className="text-xs text-zinc-500">
          Keys: <Kbd>d</Kbd> daily and <Kbd>w</Kbd> weekly windows.
        </p>
      </div>
    </>
  );
}
