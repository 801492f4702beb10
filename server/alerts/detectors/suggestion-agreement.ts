import { annotatorScopeKey, buildSeries, type Detector } from "./detector";
import { conservativeRate, monitorWithCusum, readTally, sumTallies, testShare, type Tally } from "./rates";
import { groupPoints, judgeSeries, markFiring } from "./series";

const MIN_SAMPLE_SIZE = 10;

/** An annotator keeping real suggestions more often than that annotator used to. */
export const suggestionAgreement: Detector = {
  definition: {
    id: "suggestion_agreement",
    title: "Agreement with suggestions",
    summary: "An annotator keeps the shown suggestion much more often than in that annotator's own first windows.",
    formula:
      "g_t = agreed_t / shown_t. p_t = P(X ≥ agreed_t), X ~ BetaBinomial(shown_t, agreed_ref + ½, shown_ref − agreed_ref + ½); beyond when p_t ≤ 0.001, fires on 2 consecutive beyond windows, or when the binomial CUSUM with p0 = Wilson_upper(reference; z = 2.576), p1 = p0 + (1 − p0)/2 exceeds h = ln 10⁴.",
    inputs: ["annotator.suggestion_agreement"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Posterior predictive of the annotator's own reference rate at this window's n: the binomial widened by the reference's sampling noise (Jeffreys prior), computed exactly; the CUSUM starts from the reference's upper bound, so its in-control run length is at least 10,000 windows.",
    defaultThreshold: "p ≤ 0.001 in 2 consecutive windows, or CUSUM > ln 10⁴; reference = the annotator's first 7 windows with ≥ 10 suggestions shown",
    usesHoldout: false,
  },
  detect(input) {
    return [...groupPoints(input.pointsOf("annotator.suggestion_agreement")).values()].map((points) => {
      const { queueId, subject } = points[0]!;
      const scopeKey = annotatorScopeKey(queueId, subject);
      const judged = judgeSeries<Tally>(points, {
        scopeKey: `suggestion_agreement/${scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: (pooled) => sumTallies(pooled.map((point) => readTally(point, "agreed"))),
        judge: (point, reference) => {
          const tally = readTally(point, "agreed");
          return tally ? testShare(tally, reference, ["upper"]) : null;
        },
      });
      let alarms: boolean[] = [];
      if (judged.reference) {
        const p0 = conservativeRate(judged.reference, "rise");
        alarms = monitorWithCusum(points.map((point) => readTally(point, "agreed")), judged.isMonitored, p0, p0 + (1 - p0) / 2).alarms;
      }
      return buildSeries("suggestion_agreement", input, { queueId, subject, scopeKey }, ["annotator.suggestion_agreement"], "share of suggestions kept", markFiring(judged, alarms));
    });
  },
};
