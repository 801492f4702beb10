"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Granularity } from "@/server/metrics/catalog";
import { AlertsCard } from "./alerts-card";
import { AnnotatorTable } from "./annotator-table";
import { DetectorCard } from "./detector-card";
import { GranularitySwitch } from "./granularity-switch";
import { LatencyCard } from "./latency-card";
import { NoMetricsState } from "./no-metrics-state";
import { useLoopHealthOverview } from "./use-loop-health";

/** Detectors with nothing to chart yet, in one line each, so the page stays about the ones that have data. */
function WaitingDetectors({ detectors }: { detectors: ReadonlyArray<{ id: string; title: string; summary: string; minSampleSize: number }> }) {
  if (detectors.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Waiting for data" description="These detectors have no window with enough data in this range yet." />
      <ul className="divide-y divide-zinc-100 text-sm">
        {detectors.map((detector) => (
          <li key={detector.id} className="px-5 py-3">
            <span className="font-medium text-zinc-900">{detector.title}</span> <span className="text-zinc-500">{detector.summary}</span>{" "}
            <span className="text-xs text-zinc-500">Needs at least {detector.minSampleSize} per window.</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The Loop health page: alerts, one chart per detector with its null band, the annotator table and loop latency. */
export function LoopHealthDashboard({ projectId, slug }: { projectId: string; slug: string }) {
  const [granularity, setGranularity] = useState<Granularity>("day");
  const [isSwitching, startSwitch] = useTransition();
  const overview = useLoopHealthOverview(projectId, granularity);
  // A detector whose every window lacked data has nothing to draw yet; it waits in one list instead of an empty chart.
  const hasMeasurement = (detector: (typeof overview.detectors)[number]) => detector.series.some((series) => series.windows.some((window) => window.statistic !== null));
  const charted = overview.detectors.filter(hasMeasurement);
  const waiting = overview.detectors.filter((detector) => !hasMeasurement(detector));
  return (
    <>
      <PageHeader
        title="Loop health"
        description="Detectors watch the loop for collapse. Each band is set from a null distribution at the window's own sample size, so small review windows do not cry wolf and large ones are not ignored."
        action={
          <div className="flex items-center gap-3">
            <Link href={`/p/${slug}/health/rules`} className="text-sm font-medium text-zinc-700 underline-offset-2 hover:underline">
              Rules and detectors
            </Link>
            <GranularitySwitch value={granularity} onChange={(value) => startSwitch(() => setGranularity(value))} />
          </div>
        }
      />
      <div className="space-y-6" aria-busy={isSwitching || undefined}>
        <AlertsCard projectId={projectId} slug={slug} />
        {overview.hasMetricPoints ? (
          <>
            <section aria-label="Detectors" className="space-y-6">
              {charted.map((detector) => (
                <DetectorCard key={detector.id} detector={detector} granularity={granularity} alerts={overview.alerts} slug={slug} />
              ))}
              <WaitingDetectors detectors={waiting} />
            </section>
            <AnnotatorTable rows={overview.annotators} />
            <LatencyCard queues={overview.latency} granularity={granularity} />
          </>
        ) : (
          <NoMetricsState granularity={granularity} />
        )}
      </div>
    </>
  );
}
