import { computeWilsonInterval } from "@/server/quality";
import { buildSeries, queueScopeKey, type Detector } from "./detector";
import { selectQueueSeries } from "./holdout";
import { Z_CONSERVATIVE } from "./levels";
import { conservativeRate, monitorWithCusum, poolClustered, readTally, testClusteredShare, toEffective, type ClusteredReference, type Tally } from "./rates";
import { judgeSeries, markFiring, type WindowVerdict } from "./series";

const MIN_SAMPLE_SIZE = 20;

/**
 * Whether a window's Wilson lower bound clears the reference's Wilson upper bound, and the share at which it
 * starts to. Both bounds use effective sizes: an item's answers move together, so they count as fewer trials.
 */
function judgeApproval(window: Tally, reference: ClusteredReference): WindowVerdict {
  const { designEffect } = reference;
  const effectiveReference = toEffective(reference.tally, designEffect);
  const referenceUpper = computeWilsonInterval(effectiveReference.successes, effectiveReference.trials, Z_CONSERVATIVE).upper;
  const n = window.trials;
  const clears = (successes: number): boolean => computeWilsonInterval(successes / designEffect, n / designEffect, Z_CONSERVATIVE).lower > referenceUpper;
  let firstFiring = n + 1;
  while (firstFiring > 0 && clears(firstFiring - 1)) firstFiring -= 1;
  return {
    statistic: window.successes / n,
    band: { lower: null, upper: (firstFiring - 1) / n },
    pValue: testClusteredShare(window, reference, ["upper"]).pValue,
    isBeyond: window.successes >= firstFiring,
  };
}

/** Annotators approving nearly everything: the share of approval values climbing toward 1. */
export const approvalSaturation: Detector = {
  definition: {
    id: "approval_saturation",
    title: "Approval saturation",
    summary: "The share of annotations using the queue's approval values climbs toward 1, as when reviewers wave everything through.",
    formula:
      "a_t = approved_t / n_t. Every count is divided by the reference's design effect d = I/(I−1)·Σ_i(x_i − p·n_i)² / (p(1−p)·Σn_i) over its items i (x_i of n_i answers approved), kept within [1, Σn_i²/Σn_i]. Beyond when Wilson_lower(a_t, n_t/d; z = 2.576) > Wilson_upper(reference/d; z = 2.576); fires on 2 consecutive beyond windows, or when the binomial CUSUM S_t = min(2h, max(0, S_{t−1} + (x_t/d)·ln(p1/p0) + ((n_t − x_t)/d)·ln((1−p1)/(1−p0)))) exceeds h = ln 10⁴, with p0 = the reference's Wilson upper bound and p1 = p0 + (1 − p0)/2.",
    inputs: ["labels.approval", "labels.approval.holdout"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Binomial at this window's effective n = n/d (the answers to one item agree more than independent trials would): comparing two 99% Wilson bounds is a test at level ≤ 0.005 per window that already allows for the reference's noise; the CUSUM starts from the reference's upper bound, so its in-control run length is at least e^h = 10,000 windows (Wald). The p-value shown is the beta-binomial predictive tail.",
    defaultThreshold: "Wilson bounds at z = 2.576 in 2 consecutive windows, or CUSUM > ln 10⁴; reference = first 7 windows with ≥ 20 annotations",
    usesHoldout: true,
  },
  detect(input) {
    return selectQueueSeries(input, "labels.approval", MIN_SAMPLE_SIZE).map(({ queueId, subject, metric, points }) => {
      const scopeKey = subject === "" ? queueScopeKey(queueId) : `${queueScopeKey(queueId)}/field:${subject}`;
      const tallies = points.map((point) => readTally(point, "approved"));
      const judged = judgeSeries<ClusteredReference>(points, {
        scopeKey: `approval_saturation/${scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: (pooled) => poolClustered(pooled, "approved"),
        judge: (point, reference) => {
          const tally = readTally(point, "approved");
          return tally ? judgeApproval(tally, reference) : null;
        },
      });
      let alarms: boolean[] = [];
      if (judged.reference) {
        const { designEffect } = judged.reference;
        const p0 = conservativeRate(toEffective(judged.reference.tally, designEffect), "rise");
        const effectiveTallies = tallies.map((tally) => tally && toEffective(tally, designEffect));
        alarms = monitorWithCusum(effectiveTallies, judged.isMonitored, p0, p0 + (1 - p0) / 2).alarms;
      }
      return buildSeries("approval_saturation", input, { queueId, subject, scopeKey }, [metric], "approval share", markFiring(judged, alarms));
    });
  },
};
