"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { countOf } from "@/components/ui/plural";
import type { Granularity } from "@/server/metrics/catalog";
import { LazyBandChart } from "./band-chart-lazy";
import { summarizeBandWindows } from "./band-chart-data";
import { BandNumbers } from "./band-numbers";
import type { AlertMarker, DetectorChartData } from "./use-loop-health";

/** How the detector's threshold is set, from its definition: the same words the README and an alert's evidence use. */
export function ThresholdNote({ nullModel, defaultThreshold, minSampleSize }: { nullModel: string; defaultThreshold: string; minSampleSize: number }) {
  return (
    <p className="px-5 pb-3 text-xs text-zinc-500">
      <span className="font-medium text-zinc-700">Band:</span> {nullModel} <span className="font-medium text-zinc-700">Threshold:</span> {defaultThreshold}. Windows with
      fewer than {minSampleSize} observations are not tested.
    </p>
  );
}

/** One detector: its statistic per window against the null band, over the scope picked (a queue, an annotator, a feature). */
export function DetectorCard({ detector, granularity, alerts, slug }: { detector: DetectorChartData; granularity: Granularity; alerts: readonly AlertMarker[]; slug: string }) {
  const [scopeKey, setScopeKey] = useState(detector.series[0]?.scopeKey ?? "");
  const series = detector.series.find((candidate) => candidate.scopeKey === scopeKey) ?? detector.series[0];
  if (!series) return null;
  const scopeAlerts = alerts.filter((alert) => alert.detector === detector.id && alert.scopeKey === series.scopeKey);
  const liveAlert = scopeAlerts.find((alert) => alert.state !== "resolved");
  const firingScopes = detector.series.filter((candidate) => candidate.firingCount > 0).length;
  const title = `${detector.title}: ${series.scopeLabel}`;
  return (
    <Card>
      <CardHeader
        title={detector.title}
        description={detector.summary}
        action={
          <div className="flex shrink-0 gap-1.5">
            {!detector.isEnabled && <Badge>Off: raises no alerts</Badge>}
            {firingScopes > 0 && <Badge tone="red">{countOf(firingScopes, "scope")} firing</Badge>}
          </div>
        }
      />
      <div className="flex flex-wrap items-end justify-between gap-3 px-5 pt-4">
        {detector.series.length > 1 ? (
          <div className="w-full max-w-xs">
            <SelectField label="Scope" value={series.scopeKey} onChange={(event) => setScopeKey(event.target.value)}>
              {detector.series.map((candidate) => (
                <option key={candidate.scopeKey} value={candidate.scopeKey}>
                  {candidate.scopeLabel}
                  {candidate.firingCount > 0 ? ` (fires in ${countOf(candidate.firingCount, "window")})` : ""}
                  {candidate.measuredCount === 0 ? " (not enough data yet)" : ""}
                </option>
              ))}
            </SelectField>
          </div>
        ) : (
          <p className="text-sm text-zinc-600">{series.scopeLabel}</p>
        )}
        {liveAlert && (
          <Link href={`/p/${slug}/health/alerts/${liveAlert.id}`} className="text-sm font-medium text-red-700 underline-offset-2 hover:underline">
            Open alert: {liveAlert.title}
          </Link>
        )}
      </div>
      {series.measuredCount === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500">
          No window of this scope has {detector.minSampleSize} or more observations yet{detector.series.length > 1 ? "; pick another scope" : ""}.
        </p>
      ) : (
        <div className="px-3 pt-3 pb-1">
          <div role="img" aria-label={summarizeBandWindows(title, series.windows)} className="h-56">
            <LazyBandChart
              windows={series.windows}
              granularity={granularity}
              statisticLabel={series.statisticLabel}
              alerts={scopeAlerts.map((alert) => ({ id: alert.id, from: alert.firstWindow, to: alert.lastFiringWindow, isLive: alert.state !== "resolved" }))}
            />
          </div>
        </div>
      )}
      <ThresholdNote nullModel={detector.nullModel} defaultThreshold={detector.defaultThreshold} minSampleSize={detector.minSampleSize} />
      <BandNumbers windows={series.windows} granularity={granularity} statisticLabel={series.statisticLabel} caption={`${title}, per window`} />
    </Card>
  );
}
