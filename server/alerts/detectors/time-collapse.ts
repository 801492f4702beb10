import type { MetricPoint } from "@/server/metrics/catalog";
import { annotatorScopeKey, buildSeries, type Detector } from "./detector";
import { binomialUpperTail } from "./distributions";
import { WINDOW_LEVEL } from "./levels";
import { groupPoints, judgeSeries, markFiring, type WindowVerdict } from "./series";

const MIN_SAMPLE_SIZE = 10;

const readBins = (point: MetricPoint): number[] | null => {
  const { bins } = point.detail as { bins?: unknown };
  return Array.isArray(bins) ? bins.map((count) => Number(count) || 0) : null;
};

function poolBins(points: readonly MetricPoint[]): number[] | null {
  const pooled: number[] = [];
  for (const point of points) readBins(point)?.forEach((count, bin) => (pooled[bin] = (pooled[bin] ?? 0) + count));
  const total = pooled.reduce((sum, count) => sum + (count ?? 0), 0);
  return total > 0 ? Array.from(pooled, (count) => count ?? 0) : null;
}

/** The baseline's share of times at or below `ms`, log-uniform inside a log2 bin, with a Jeffreys half-count so it is never 0 or 1. */
function baselineShareBelow(bins: readonly number[], total: number, ms: number): number {
  let below = 0;
  const position = ms < 1 ? 0 : Math.log2(ms);
  for (let bin = 0; bin < bins.length; bin += 1) {
    if (position >= bin + 1) below += bins[bin]!;
    else {
      below += bins[bin]! * Math.max(0, position - bin);
      break;
    }
  }
  return (below + 0.5) / (total + 1);
}

/** Inverse of baselineShareBelow: the time (ms) below which the baseline holds `share`. */
function baselineTimeAt(bins: readonly number[], total: number, share: number): number {
  const target = share * (total + 1) - 0.5;
  let below = 0;
  for (let bin = 0; bin < bins.length; bin += 1) {
    const count = bins[bin]!;
    if (count > 0 && below + count >= target) return 2 ** (bin + Math.max(0, (target - below) / count));
    below += count;
  }
  return 2 ** bins.length;
}

/**
 * The median of n times falls at or below m exactly when at least ⌊n/2⌋ + 1 of them do, a Binomial(n, F(m))
 * count; F is estimated from N baseline times, which widens that count's variance by (1 + n/N), carried
 * here as an effective sample size n/(1 + n/N).
 */
function medianTail(n: number, baselineTotal: number, share: number): number {
  const effective = n / (1 + n / baselineTotal);
  return binomialUpperTail(((Math.floor(n / 2) + 1) * effective) / n, effective, share);
}

function judgeTime(point: MetricPoint, bins: readonly number[]): WindowVerdict | null {
  if (point.value === null) return null;
  const total = bins.reduce((sum, count) => sum + count, 0);
  const n = point.sampleSize;
  let low = 0;
  let high = 1;
  for (let step = 0; step < 50; step += 1) {
    const middle = (low + high) / 2;
    if (medianTail(n, total, middle) <= WINDOW_LEVEL) low = middle;
    else high = middle;
  }
  return {
    statistic: point.value,
    band: { lower: baselineTimeAt(bins, total, low) / 1000, upper: null },
    pValue: medianTail(n, total, baselineShareBelow(bins, total, point.value * 1000)),
  };
}

/** An annotator suddenly much faster than that annotator's own baseline: clicking through. */
export const timeCollapse: Detector = {
  definition: {
    id: "time_collapse",
    title: "Time-on-item collapse",
    summary: "An annotator's median time per item drops far below that annotator's own baseline, as when items are clicked through.",
    formula:
      "m_t = median seconds on item in the window; F = the baseline's share of times ≤ m_t (pooled log₂ histogram, log-uniform within bins). p_t = P(median of n_t baseline draws ≤ m_t) = P(Binomial(n_e, F) ≥ (⌊n_t/2⌋ + 1)·n_e/n_t), n_e = n_t / (1 + n_t/N_ref); beyond when p_t ≤ 0.001, fires on 2 consecutive beyond windows.",
    inputs: ["annotator.time_on_item"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "The exact law of the median of n_t draws from the annotator's baseline histogram (what a bootstrap of the baseline at this n estimates, computed through the binomial order-statistic identity), widened for the baseline's own sampling noise.",
    defaultThreshold: "p ≤ 0.001 in 2 consecutive windows; baseline = the annotator's first 7 windows with ≥ 10 timed annotations",
    usesHoldout: false,
  },
  detect(input) {
    return [...groupPoints(input.pointsOf("annotator.time_on_item")).values()].map((points) => {
      const { queueId, subject } = points[0]!;
      const scopeKey = annotatorScopeKey(queueId, subject);
      const judged = judgeSeries<number[]>(points, {
        scopeKey: `time_collapse/${scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: poolBins,
        judge: judgeTime,
      });
      return buildSeries("time_collapse", input, { queueId, subject, scopeKey }, ["annotator.time_on_item"], "median seconds on item", markFiring(judged));
    });
  },
};
