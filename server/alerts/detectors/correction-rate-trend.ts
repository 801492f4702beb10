import { buildSeries, queueScopeKey, type Detector } from "./detector";
import { selectQueueSeries } from "./holdout";
import { conservativeRate, monitorWithCusum, poolClustered, readTally, testClusteredShare, toEffective, type ClusteredReference } from "./rates";
import { judgeSeries, markFiring } from "./series";

const MIN_SAMPLE_SIZE = 20;

/** Corrections drying up (annotators accepting outputs as they are) or surging (the model getting worse). */
export const correctionRateTrend: Detector = {
  definition: {
    id: "correction_rate_trend",
    title: "Correction-rate trend",
    summary: "The share of annotations that correct the model's output moves away from the reference: falling toward 0 (outputs accepted as they are) or rising (the model got worse).",
    formula:
      "c_t = corrected_t / n_t. Every count is divided by the reference's design effect d (as for approval saturation: the answers to one item move together). p_t = 2·min(P(X ≥ corrected_t/d), P(X ≤ corrected_t/d)), X ~ BetaBinomial(n_t/d, corrected_ref/d + ½, (n_ref − corrected_ref)/d + ½); beyond when p_t ≤ 0.001, fires on 2 consecutive beyond windows, or when a binomial CUSUM exceeds h = ln 10⁴ (rise: p0 = Wilson_upper(ref), p1 = min(2·p0, (1 + p0)/2); fall: p0 = Wilson_lower(ref), p1 = p0/2).",
    inputs: ["corrections.rate", "corrections.rate.holdout"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Posterior predictive of the reference rate at this window's effective n = n/d (beta-binomial, exact, on counts rounded to whole numbers); the CUSUMs start from the reference's 99% Wilson bounds so reference noise cannot drive them, giving an in-control run length of at least 10,000 windows each.",
    defaultThreshold: "two-sided p ≤ 0.001 in 2 consecutive windows, or either CUSUM > ln 10⁴; reference = first 7 windows with ≥ 20 annotations",
    usesHoldout: true,
  },
  detect(input) {
    return selectQueueSeries(input, "corrections.rate", MIN_SAMPLE_SIZE).map(({ queueId, subject, metric, points }) => {
      const scopeKey = subject === "" ? queueScopeKey(queueId) : `${queueScopeKey(queueId)}/field:${subject}`;
      const judged = judgeSeries<ClusteredReference>(points, {
        scopeKey: `correction_rate_trend/${scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: (pooled) => poolClustered(pooled, "corrected"),
        judge: (point, reference) => {
          const tally = readTally(point, "corrected");
          return tally ? testClusteredShare(tally, reference, ["upper", "lower"]) : null;
        },
      });
      let alarms: boolean[] = [];
      if (judged.reference) {
        const { designEffect } = judged.reference;
        const tallies = points.map((point) => {
          const tally = readTally(point, "corrected");
          return tally && toEffective(tally, designEffect);
        });
        const riseFrom = conservativeRate(toEffective(judged.reference.tally, designEffect), "rise");
        const fallFrom = conservativeRate(toEffective(judged.reference.tally, designEffect), "fall");
        const rise = monitorWithCusum(tallies, judged.isMonitored, riseFrom, Math.min(2 * riseFrom, (1 + riseFrom) / 2)).alarms;
        const fall = monitorWithCusum(tallies, judged.isMonitored, fallFrom, fallFrom / 2).alarms;
        alarms = rise.map((alarm, index) => alarm || fall[index]!);
      }
      return buildSeries("correction_rate_trend", input, { queueId, subject, scopeKey }, [metric], "correction rate", markFiring(judged, alarms));
    });
  },
};
