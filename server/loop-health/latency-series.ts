import type { MetricName, MetricPoint } from "@/server/metrics/catalog";
import { describeScope, type HealthNames } from "./scope-label";

/** The stages of loop latency, each measured from ingest, in the order a label passes them. */
export const latencyStages = [
  { key: "queued", metric: "latency.queued", title: "Ingest → queued" },
  { key: "firstClaim", metric: "latency.first_claim", title: "Ingest → first claim" },
  { key: "gold", metric: "latency.gold", title: "Ingest → gold" },
  { key: "pullable", metric: "latency.pullable", title: "Ingest → pullable" },
] as const satisfies ReadonlyArray<{ key: string; metric: MetricName; title: string }>;

export type LatencyStage = (typeof latencyStages)[number]["key"];
export const latencyMetrics: MetricName[] = latencyStages.map((stage) => stage.metric);

/** p50 and p95 in seconds over the gold labels created in a window. */
export type Percentiles = { p50: number | null; p95: number | null };
export type LatencyWindow = { windowStart: Date; sampleSize: number; stages: Record<LatencyStage, Percentiles | null> };
export type QueueLatency = { queueId: string; queueName: string; windows: LatencyWindow[] };

function readSeconds(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The p50/p95 a latency point holds; the value column is the p95 when detail lacks it. */
export function readPercentiles(point: MetricPoint): Percentiles {
  return { p50: readSeconds(point.detail.p50), p95: readSeconds(point.detail.p95) ?? point.value };
}

/** Latency per queue per window, every stage side by side; windows in time order. */
export function buildQueueLatency(points: readonly MetricPoint[], names: HealthNames): QueueLatency[] {
  const byQueue = new Map<string, Map<number, LatencyWindow>>();
  for (const point of points) {
    const stage = latencyStages.find((candidate) => candidate.metric === point.metric);
    if (!stage || point.queueId === null) continue;
    const windows = byQueue.get(point.queueId) ?? new Map<number, LatencyWindow>();
    byQueue.set(point.queueId, windows);
    const at = point.windowStart.getTime();
    const window = windows.get(at) ?? { windowStart: point.windowStart, sampleSize: 0, stages: { queued: null, firstClaim: null, gold: null, pullable: null } };
    window.stages[stage.key] = readPercentiles(point);
    window.sampleSize = Math.max(window.sampleSize, point.sampleSize);
    windows.set(at, window);
  }
  return [...byQueue.entries()]
    .map(([queueId, windows]) => ({
      queueId,
      queueName: describeScope(names, queueId, ""),
      windows: [...windows.values()].sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime()),
    }))
    .sort((a, b) => a.queueName.localeCompare(b.queueName));
}
