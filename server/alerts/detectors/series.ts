import type { MetricPoint } from "@/server/metrics/catalog";
import type { DetectorWindow } from "./types";
import { CONSECUTIVE_WINDOWS, WINDOW_LEVEL } from "./levels";
import { seedFor } from "./monte-carlo";

/** What a detector decides about one window, against a reference pooled from other windows. */
export type WindowVerdict = {
  statistic: number;
  band: { lower: number | null; upper: number | null };
  pValue: number | null;
  /** Overrides the default rule (p-value at most WINDOW_LEVEL), for detectors whose rule is a bound comparison. */
  isBeyond?: boolean;
};

export type SeriesPlan<Reference> = {
  scopeKey: string;
  minSampleSize: number;
  referenceWindows: number;
  /** Pools the reference windows; null when they hold nothing usable. */
  pool: (points: readonly MetricPoint[]) => Reference | null;
  judge: (point: MetricPoint, reference: Reference, seed: number) => WindowVerdict | null;
};

export type JudgedSeries<Reference = unknown> = {
  /** The pooled reference windows, null until there are enough of them. */
  reference: Reference | null;
  windows: DetectorWindow[];
  /** The windows after the reference, which alone may fire. */
  isMonitored: boolean[];
  /** Monitored windows outside their null band. */
  beyond: boolean[];
};

/** Groups one metric's points by queue and subject, each group ordered by window. */
export function groupPoints(points: readonly MetricPoint[]): Map<string, MetricPoint[]> {
  const groups = new Map<string, MetricPoint[]>();
  for (const point of points) {
    const key = `${point.queueId ?? ""}\u0000${point.subject}`;
    const group = groups.get(key);
    if (group) group.push(point);
    else groups.set(key, [point]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime());
  // Series come out in key order, so a pass does not depend on the order the points were read in.
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Positions of the first `count` windows with enough data, or null while there are not that many. */
export function findReference(points: ReadonlyArray<{ sampleSize: number }>, minSampleSize: number, count: number): number[] | null {
  const indices: number[] = [];
  for (let index = 0; index < points.length && indices.length < count; index += 1) {
    if (points[index]!.sampleSize >= minSampleSize) indices.push(index);
  }
  return indices.length === count ? indices : null;
}

const emptyWindow = (point: MetricPoint): DetectorWindow => ({
  windowStart: point.windowStart,
  sampleSize: point.sampleSize,
  statistic: null,
  band: { lower: null, upper: null },
  firing: false,
  pValue: null,
});

/**
 * Judges every window with enough data against the pooled reference. Reference windows are judged against
 * the other reference windows (so the chart shows them) but never fire: they define normal.
 */
export function judgeSeries<Reference>(points: readonly MetricPoint[], plan: SeriesPlan<Reference>): JudgedSeries<Reference> {
  const referenceIndices = findReference(points, plan.minSampleSize, plan.referenceWindows);
  const isMonitored = points.map(() => false);
  const beyond = points.map(() => false);
  if (!referenceIndices) return { reference: null, windows: points.map(emptyWindow), isMonitored, beyond };
  const referenceSet = new Set(referenceIndices);
  const reference = plan.pool(referenceIndices.map((index) => points[index]!));
  const windows = points.map((point, index) => {
    if (point.sampleSize < plan.minSampleSize) return emptyWindow(point);
    const isReference = referenceSet.has(index);
    const pooled = isReference
      ? plan.pool(referenceIndices.filter((other) => other !== index).map((other) => points[other]!))
      : reference;
    if (pooled === null) return emptyWindow(point);
    const verdict = plan.judge(point, pooled, seedFor(plan.scopeKey, point.windowStart));
    if (!verdict) return emptyWindow(point);
    isMonitored[index] = !isReference;
    beyond[index] = !isReference && (verdict.isBeyond ?? (verdict.pValue !== null && verdict.pValue <= WINDOW_LEVEL));
    const { isBeyond: _rule, ...shown } = verdict;
    return { ...emptyWindow(point), ...shown };
  });
  return { reference, windows, isMonitored, beyond };
}

/**
 * Sets `firing`: a monitored window fires when it and the windows just before it are all beyond their bands
 * (the consecutive-windows rule), or when a sequential chart raised an alarm at it.
 */
export function markFiring(judged: JudgedSeries, alarms: readonly boolean[] = [], consecutive = CONSECUTIVE_WINDOWS): DetectorWindow[] {
  const { beyond } = judged;
  return judged.windows.map((window, index) => {
    let isRun = index + 1 >= consecutive;
    for (let back = 0; back < consecutive && isRun; back += 1) isRun = beyond[index - back] === true;
    return { ...window, firing: judged.isMonitored[index]! && (isRun || alarms[index] === true) };
  });
}
