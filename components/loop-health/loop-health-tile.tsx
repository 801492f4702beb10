"use client";

import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { countOf } from "@/components/ui/plural";
import { useLoopHealthTile } from "./use-loop-health";
import { formatSeconds, formatWindow } from "./window-format";

/** The overview's loop-health tile: healthy or how many alerts are live, and the newest ingest → pullable latency per queue. */
export function LoopHealthTile({ projectId, slug, canOpenHealth }: { projectId: string; slug: string; canOpenHealth: boolean }) {
  const tile = useLoopHealthTile(projectId);
  const isHealthy = tile.liveAlerts === 0;
  const headline = isHealthy ? "Loop healthy" : countOf(tile.liveAlerts, "open alert");
  return (
    <Card className="flex flex-wrap items-start justify-between gap-6 px-5 py-4">
      <div>
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Loop health</p>
        <p className={cn("mt-1 flex items-center gap-2 text-lg font-semibold", isHealthy ? "text-emerald-700" : "text-red-700")}>
          <span aria-hidden className={cn("size-2.5 rounded-full", isHealthy ? "bg-emerald-500" : "bg-red-500")} />
          {canOpenHealth ? (
            <Link href={`/p/${slug}/health`} className="underline-offset-2 hover:underline">
              {headline}
            </Link>
          ) : (
            headline
          )}
        </p>
        <p className="mt-1 text-sm text-zinc-500">{isHealthy ? "No detector or rule is firing." : "Open or acknowledged, not snoozed."}</p>
      </div>
      <div className="min-w-56">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Loop latency, ingest → pullable</p>
        {tile.latency.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">No gold label has become pullable yet.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm" aria-label="Loop latency per queue, latest window">
            {tile.latency.map((row) => (
              <li key={row.queueId} className="flex justify-between gap-4">
                <span className="text-zinc-700">
                  {row.queueName} <span className="text-zinc-500">· {formatWindow(row.windowStart, tile.latencyGranularity ?? "day")}</span>
                </span>
                <span className="tabular-nums text-zinc-900">
                  p50 {formatSeconds(row.p50)} · p95 {formatSeconds(row.p95)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
