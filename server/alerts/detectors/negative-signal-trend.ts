import type { MetricName } from "@/server/metrics/catalog";
import { CUSUM_THRESHOLD } from "./levels";
import { buildSeries, type Detector } from "./detector";
import { conservativeRate, monitorWithCusum, readTally, sumTallies, testShare, type Tally } from "./rates";
import { groupPoints, judgeSeries, markFiring } from "./series";

const MIN_SAMPLE_SIZE = 50;
const SIGNALS: ReadonlyArray<{ metric: MetricName; subject: string }> = [
  { metric: "signals.thumbs_down", subject: "thumbs_down" },
  { metric: "signals.regenerate", subject: "regenerate" },
];

/** Users pushing back on outputs more often: the thumbs-down and regenerate rates, each with a CUSUM. */
export const negativeSignalTrend: Detector = {
  definition: {
    id: "negative_signal_trend",
    title: "Negative-signal trend",
    summary: "Users give thumbs-down or regenerate outputs more often than in the reference windows.",
    formula:
      "For each signal, S_t = min(2h, max(0, S_{t−1} + e_t·ln(p1/p0) + (n_t − e_t)·ln((1−p1)/(1−p0)))) over windows with n_t outputs, e_t of them with the signal; p0 = Wilson_upper(reference rate; z = 2.576), p1 = min(2·p0, (1 + p0)/2). Fires while S_t > h = ln 10⁴.",
    inputs: ["signals.thumbs_down", "signals.regenerate"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Bernoulli CUSUM with binomial per-window increments: by Wald's inequality an excursion reaches h under the in-control rate with probability ≤ e^−h, so the in-control run length is ≥ 10,000 windows whatever the window sizes; starting from the reference's upper bound keeps reference noise from driving it. The p-value shown is the window's beta-binomial tail.",
    defaultThreshold: "CUSUM > ln 10⁴ ≈ 9.21; reference = first 7 windows with ≥ 50 outputs",
    usesHoldout: false,
  },
  detect(input) {
    return SIGNALS.flatMap(({ metric, subject }) =>
      [...groupPoints(input.pointsOf(metric)).values()].map((points) => {
        const { queueId } = points[0]!;
        const scopeKey = `signal:${subject}`;
        const judged = judgeSeries<Tally>(points, {
          scopeKey: `negative_signal_trend/${scopeKey}`,
          minSampleSize: MIN_SAMPLE_SIZE,
          referenceWindows: input.referenceWindows,
          pool: (pooled) => sumTallies(pooled.map((point) => readTally(point, null))),
          judge: (point, reference) => {
            const tally = readTally(point, null);
            return tally ? { ...testShare(tally, reference, ["upper"]), isBeyond: false } : null;
          },
        });
        if (!judged.reference) return buildSeries("negative_signal_trend", input, { queueId, subject, scopeKey }, [metric], "CUSUM, log-likelihood ratio", markFiring(judged));
        const p0 = conservativeRate(judged.reference, "rise");
        const cusum = monitorWithCusum(points.map((point) => readTally(point, null)), judged.isMonitored, p0, Math.min(2 * p0, (1 + p0) / 2));
        // The chart shows the CUSUM itself; it is 0 through the reference windows, where it has not started.
        const windows = markFiring(judged, cusum.alarms).map((window, index) =>
          window.statistic === null ? window : { ...window, statistic: cusum.statistics[index] ?? 0, band: { lower: null, upper: CUSUM_THRESHOLD } },
        );
        return buildSeries("negative_signal_trend", input, { queueId, subject, scopeKey }, [metric], "CUSUM, log-likelihood ratio", windows);
      }),
    );
  },
};
