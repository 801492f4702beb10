import type { MetricPoint } from "@/server/metrics/catalog";
import { computeWilsonInterval } from "@/server/quality";
import { annotatorScopeKey, buildSeries, type Detector } from "./detector";
import { binomialUpperTail } from "./distributions";
import { WINDOW_LEVEL, Z_CONSERVATIVE } from "./levels";
import { monitorWithCusum, readTally, sumTallies, type Tally } from "./rates";
import { findReference, groupPoints, judgeSeries, markFiring, type WindowVerdict } from "./series";

const MIN_SAMPLE_SIZE = 3;
/** Windows of a queue's pooled decoys that count toward its reference. */
const MIN_QUEUE_DECOYS = 10;
/**
 * Honest annotators keep a decoy only when it happens to be right, so the null rate never goes below this:
 * a queue whose reference is already contaminated by stampers cannot lower the bar for everyone else.
 */
export const DECOY_ACCEPTANCE_FLOOR = 0.25;
const STAMPER_RATE = 0.9;

type QueueReference = { tally: Tally; windows: Set<number> };

/** The queue's honest decoy acceptance: pooled over every annotator in its first windows with enough decoys. */
function poolQueueReferences(points: readonly MetricPoint[], referenceWindows: number): Map<string, QueueReference> {
  const byQueue = new Map<string, Map<number, Tally>>();
  for (const point of points) {
    const tally = readTally(point, "accepted");
    if (!tally || tally.trials === 0) continue;
    const queue = point.queueId ?? "";
    const byWindow = byQueue.get(queue) ?? new Map<number, Tally>();
    byQueue.set(queue, byWindow);
    const time = point.windowStart.getTime();
    byWindow.set(time, sumTallies([byWindow.get(time) ?? null, tally])!);
  }
  const references = new Map<string, QueueReference>();
  for (const [queue, byWindow] of byQueue) {
    const windows = [...byWindow].sort(([a], [b]) => a - b);
    const indices = findReference(windows.map(([, tally]) => ({ sampleSize: tally.trials })), MIN_QUEUE_DECOYS, referenceWindows);
    if (!indices) continue;
    const tally = sumTallies(indices.map((index) => windows[index]![1]));
    if (tally) references.set(queue, { tally, windows: new Set(indices.map((index) => windows[index]![0])) });
  }
  return references;
}

/** p0 = max(floor, Wilson upper bound of the honest rate); the window is tested with the exact binomial tail. */
function judgeDecoys(window: Tally, nullRate: number): WindowVerdict {
  const n = window.trials;
  let firstBeyond = n + 1;
  while (firstBeyond > 0 && binomialUpperTail(firstBeyond - 1, n, nullRate) <= WINDOW_LEVEL) firstBeyond -= 1;
  return { statistic: window.successes / n, band: { lower: null, upper: (firstBeyond - 1) / n }, pValue: binomialUpperTail(window.successes, n, nullRate) };
}

const nullRateOf = (reference: Tally): number =>
  Math.max(DECOY_ACCEPTANCE_FLOOR, computeWilsonInterval(reference.successes, reference.trials, Z_CONSERVATIVE).upper);

/** Annotators keeping deliberately wrong suggestions: the sharpest rubber-stamp signal. */
export const decoyAcceptance: Detector = {
  definition: {
    id: "decoy_acceptance",
    title: "Decoy acceptance",
    summary: "An annotator keeps deliberately wrong (decoy) suggestions far more often than the queue's annotators did at first.",
    formula:
      "d_t = accepted_t / decoys_t for one annotator. p0 = max(0.25, Wilson_upper(queue's pooled reference; z = 2.576)); p_t = P(Binomial(decoys_t, p0) ≥ accepted_t). Fires when p_t ≤ 0.001, or when the binomial CUSUM with p1 = max(0.9, (1 + p0)/2), fed every window with a decoy, exceeds h = ln 10⁴.",
    inputs: ["annotator.decoy_acceptance"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Exact binomial tail at this window's number of decoys, against a conservative honest rate: the upper 99% Wilson bound of every annotator's decoys in the queue's first 7 windows with ≥ 10 decoys (leaving the annotator's own window out), floored at 0.25. Single windows may fire because p0 is an upper bound.",
    defaultThreshold: "p ≤ 0.001 in one window, or CUSUM > ln 10⁴; at least 3 decoys in the window",
    usesHoldout: false,
  },
  detect(input) {
    const allPoints = input.pointsOf("annotator.decoy_acceptance");
    const references = poolQueueReferences(allPoints, input.referenceWindows);
    return [...groupPoints(allPoints).values()].map((points) => {
      const { queueId, subject } = points[0]!;
      const scopeKey = annotatorScopeKey(queueId, subject);
      const queueReference = references.get(queueId ?? "");
      const judged = judgeSeries<Tally>(points, {
        scopeKey: `decoy_acceptance/${scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: 0,
        pool: () => queueReference?.tally ?? null,
        judge: (point, reference) => {
          const tally = readTally(point, "accepted");
          if (!tally) return null;
          const isInReference = queueReference?.windows.has(point.windowStart.getTime()) === true;
          const honest = isInReference ? { successes: reference.successes - tally.successes, trials: reference.trials - tally.trials } : reference;
          return honest.trials > 0 ? judgeDecoys(tally, nullRateOf(honest)) : null;
        },
      });
      let alarms: boolean[] = [];
      if (judged.reference) {
        const p0 = Math.min(0.98, nullRateOf(judged.reference));
        const tallies = points.map((point) => readTally(point, "accepted"));
        // Every decoy is evidence, so windows too small for the one-window test still feed the CUSUM: a
        // stamper who meets one or two decoys a day is caught as soon as enough of them add up.
        const hasDecoys = tallies.map((tally) => tally !== null && tally.trials > 0);
        alarms = monitorWithCusum(tallies, hasDecoys, p0, Math.max(STAMPER_RATE, (1 + p0) / 2)).alarms;
      }
      return buildSeries("decoy_acceptance", input, { queueId, subject, scopeKey }, ["annotator.decoy_acceptance"], "share of decoys kept", markFiring(judged, alarms, 1));
    });
  },
};
