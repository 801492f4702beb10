import type { MetricPoint } from "@/server/metrics/catalog";
import { buildSeries, type Detector } from "./detector";
import { studentTQuantile, studentTUpperTail } from "./distributions";
import { WINDOW_LEVEL } from "./levels";
import { readTally, sumTallies, testShare, type Tally } from "./rates";
import { groupPoints, judgeSeries, markFiring, type WindowVerdict } from "./series";

const MIN_SAMPLE_SIZE = 50;

/**
 * distinct-2 is a ratio of the sample's own bigrams, so there are no counts to resample; the reference
 * windows' values are the sample of what a window of this size shows, and a new window is judged by the
 * Student-t prediction interval they give.
 */
function judgeDistinct(value: number, reference: readonly number[]): WindowVerdict | null {
  const size = reference.length;
  if (size < 3) return null;
  const mean = reference.reduce((sum, each) => sum + each, 0) / size;
  const variance = reference.reduce((sum, each) => sum + (each - mean) ** 2, 0) / (size - 1);
  const spread = Math.max(Math.sqrt(variance), 1e-6) * Math.sqrt(1 + 1 / size);
  const df = size - 1;
  return {
    statistic: value,
    band: { lower: mean - studentTQuantile(WINDOW_LEVEL, df) * spread, upper: null },
    pValue: studentTUpperTail((mean - value) / spread, df),
  };
}

const valuesOf = (points: readonly MetricPoint[]): number[] | null => {
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  return values.length > 0 ? values : null;
};

/** Model outputs getting repetitive: distinct-2 falling and near-duplicates rising. */
export const diversityLoss: Detector = {
  definition: {
    id: "diversity_loss",
    title: "Output diversity loss",
    summary: "Model outputs become repetitive: fewer distinct bigrams, more near-duplicate outputs than in the reference windows.",
    formula:
      "distinct-2: t = (mean_ref − d_t) / (s_ref·√(1 + 1/R)), p_t = P(T_{R−1} ≥ t). Near-duplicates: u_t = duplicates_t / n_t, p_t = P(X ≥ duplicates_t), X ~ BetaBinomial(n_t, dup_ref + ½, n_ref − dup_ref + ½). Each series is beyond when p_t ≤ 0.001 and fires on 2 consecutive beyond windows.",
    inputs: ["outputs.distinct2", "outputs.near_duplicate_rate"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "distinct-2: Student-t prediction interval from the R reference windows' values (sample sizes are capped at 500 outputs, so reference windows are of comparable size). Near-duplicates: posterior predictive of the reference rate at this window's sample size (beta-binomial, exact).",
    defaultThreshold: "p ≤ 0.001 in 2 consecutive windows, per series; reference = first 7 windows with ≥ 50 sampled outputs",
    usesHoldout: false,
  },
  detect(input) {
    const distinct = [...groupPoints(input.pointsOf("outputs.distinct2")).values()].map((points) => {
      const { queueId } = points[0]!;
      const scope = { queueId, subject: "distinct2", scopeKey: "outputs:distinct2" };
      const judged = judgeSeries<number[]>(points, {
        scopeKey: `diversity_loss/${scope.scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: valuesOf,
        judge: (point, reference) => (point.value === null ? null : judgeDistinct(point.value, reference)),
      });
      return buildSeries("diversity_loss", input, scope, ["outputs.distinct2"], "distinct-2", markFiring(judged));
    });
    const duplicates = [...groupPoints(input.pointsOf("outputs.near_duplicate_rate")).values()].map((points) => {
      const { queueId } = points[0]!;
      const scope = { queueId, subject: "near_duplicates", scopeKey: "outputs:near_duplicates" };
      const judged = judgeSeries<Tally>(points, {
        scopeKey: `diversity_loss/${scope.scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: (pooled) => sumTallies(pooled.map((point) => readTally(point, "duplicates"))),
        judge: (point, reference) => {
          const tally = readTally(point, "duplicates");
          return tally ? testShare(tally, reference, ["upper"]) : null;
        },
      });
      return buildSeries("diversity_loss", input, scope, ["outputs.near_duplicate_rate"], "near-duplicate share", markFiring(judged));
    });
    return [...distinct, ...duplicates];
  },
};
