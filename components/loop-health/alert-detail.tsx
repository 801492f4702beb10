"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { AlertActions } from "./alert-actions";
import { AlertBadges } from "./alert-badges";
import { LazyBandChart } from "./band-chart-lazy";
import { summarizeBandWindows, type BandWindow } from "./band-chart-data";
import { BandNumbers } from "./band-numbers";
import { ThresholdNote } from "./detector-card";
import { useAlert, type AlertDetailData } from "./use-alerts";
import { formatNumber, formatWindow } from "./window-format";

function evidenceWindows(evidence: AlertDetailData["evidence"]): BandWindow[] {
  return evidence.series.map((window) => ({
    windowStart: new Date(window.window),
    sampleSize: window.n,
    statistic: window.statistic,
    lower: window.band.lower,
    upper: window.band.upper,
    isFiring: window.firing,
  }));
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-3 px-5 py-2.5 text-sm">
      <dt className="text-zinc-500">{term}</dt>
      <dd className="text-zinc-900">{children}</dd>
    </div>
  );
}

/** What raised the alert: the rule's condition, or the detector's band. */
function SourceNote({ evidence }: { evidence: AlertDetailData["evidence"] }) {
  if (evidence.rule) {
    const { rule } = evidence;
    return (
      <p className="px-5 pb-3 text-xs text-zinc-500">
        <span className="font-medium text-zinc-700">Rule “{rule.name}”:</span> fires when {rule.metric} {rule.comparator} {formatNumber(rule.threshold)} for{" "}
        {rule.sustainedWindows} window(s) in a row; resolves after {rule.clearWindows} clear window(s).
      </p>
    );
  }
  if (!evidence.definition) return null;
  return <ThresholdNote nullModel={evidence.definition.nullModel} defaultThreshold={evidence.definition.defaultThreshold} minSampleSize={evidence.definition.minSampleSize} />;
}

/** One alert: its state and actions, its evidence series against the band or threshold, who and what is involved, and items to look at. */
export function AlertDetail({ projectId, slug, alertId, canManage }: { projectId: string; slug: string; alertId: string; canManage: boolean }) {
  const { alert } = useAlert(projectId, alertId);
  const { evidence } = alert;
  const windows = evidenceWindows(evidence);
  const granularity = alert.granularity;
  return (
    <>
      <Link href={`/p/${slug}/health`} className="text-sm text-zinc-500 hover:text-zinc-900">
        ← Loop health
      </Link>
      <PageHeader title={alert.title} description={evidence.definition?.summary ?? "A threshold rule you set up."} action={<AlertBadges alert={alert} />} />
      <div className="space-y-6">
        <AlertActions projectId={projectId} alertId={alertId} canManage={canManage} />
        <Card>
          <CardHeader title="Evidence" description={`${evidence.statisticLabel} per ${granularity} (UTC), up to the latest window evaluated.`} />
          <div className="px-3 pt-4 pb-1">
            <div role="img" aria-label={summarizeBandWindows(alert.title, windows)} className="h-56">
              <LazyBandChart
                windows={windows}
                granularity={granularity}
                statisticLabel={evidence.statisticLabel}
                alerts={[{ id: alert.id, from: alert.firstWindow, to: alert.lastFiringWindow, isLive: alert.state !== "resolved" }]}
                threshold={evidence.threshold?.value ?? null}
              />
            </div>
          </div>
          <SourceNote evidence={evidence} />
          <BandNumbers windows={windows} granularity={granularity} statisticLabel={evidence.statisticLabel} caption="Evidence, per window" />
        </Card>
        <Card>
          <CardHeader title="What is involved" />
          <dl className="divide-y divide-zinc-100">
            <Fact term="Queue">{evidence.queue ? <Link href={`/p/${slug}/queues/${evidence.queue.id}`} className="underline-offset-2 hover:underline">{evidence.queue.name}</Link> : "Whole project"}</Fact>
            {evidence.annotator && <Fact term="Annotator">{evidence.annotator.name}</Fact>}
            {evidence.feature && <Fact term="Feature">{evidence.feature}</Fact>}
            <Fact term="Metrics">{evidence.metrics.join(", ")}</Fact>
            <Fact term="Firing">
              {formatWindow(alert.firstWindow, granularity)} – {formatWindow(alert.lastFiringWindow, granularity)} (UTC)
            </Fact>
            <Fact term="Opened">
              <DateTime value={alert.openedAt} />
            </Fact>
            {alert.acknowledgedAt && (
              <Fact term="Acknowledged">
                <DateTime value={alert.acknowledgedAt} />
              </Fact>
            )}
            {alert.resolvedAt && (
              <Fact term="Resolved">
                <DateTime value={alert.resolvedAt} /> {alert.resolvedReason && <span className="text-zinc-500">({alert.resolvedReason})</span>}
              </Fact>
            )}
          </dl>
        </Card>
        <Card>
          <CardHeader title="Sample items" description="Items of the firing window, to see what the numbers mean." />
          {evidence.sampleItems.length === 0 ? (
            <p className="px-5 py-4 text-sm text-zinc-500">This alert&apos;s metric is not measured on queue items (for example input drift), so there are none to show.</p>
          ) : (
            <ul className="flex flex-wrap gap-2 px-5 py-4">
              {evidence.sampleItems.map((item) => (
                <li key={item.queueItemId}>
                  <Link href={`/p/${slug}/items/${item.queueItemId}`} className="inline-flex rounded-md px-2.5 py-1 text-sm ring-1 ring-zinc-200 hover:bg-zinc-50">
                    Item {item.queueItemId}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
