import { readCounts, sumCounts, testCategoricalShift, type Counts } from "./categorical";
import { annotatorScopeKey, buildSeries, type Detector } from "./detector";
import { groupPoints, judgeSeries, markFiring } from "./series";

const MIN_SAMPLE_SIZE = 20;

/** An annotator whose labels narrow onto one value (rubber-stamping the same answer). */
export const annotatorEntropy: Detector = {
  definition: {
    id: "annotator_entropy",
    title: "Annotator label entropy",
    summary: "An annotator's labels narrow against that annotator's own first windows, as when one answer is stamped on everything.",
    formula:
      "ΔH_t = H(annotator's counts in the window) − H(annotator's pooled reference counts), H in bits. p_t = P(ΔH* ≤ ΔH_t); beyond when p_t ≤ 0.001, fires on 2 consecutive beyond windows.",
    inputs: ["annotator.labels"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Parametric bootstrap at this window's n: reference and window counts redrawn as multinomials from their pooled shares (up to 999 seeded draws, sequential stopping); the band is the delta-method normal of the same entropy difference.",
    defaultThreshold: "p ≤ 0.001 in 2 consecutive windows; reference = the annotator's first 7 windows with ≥ 20 labels",
    usesHoldout: false,
  },
  detect(input) {
    return [...groupPoints(input.pointsOf("annotator.labels")).values()].map((points) => {
      const { queueId, subject } = points[0]!;
      const scopeKey = annotatorScopeKey(queueId, subject);
      const judged = judgeSeries<Counts>(points, {
        scopeKey: `annotator_entropy/${scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: sumCounts,
        judge: (point, reference, seed) => {
          const counts = readCounts(point);
          return counts ? (testCategoricalShift(counts, reference, { divergence: false, entropyDrop: true }, seed)?.verdict ?? null) : null;
        },
      });
      return buildSeries("annotator_entropy", input, { queueId, subject, scopeKey }, ["annotator.labels"], "entropy of the annotator's labels, bits", markFiring(judged));
    });
  },
};
