import type { MetricPoint } from "@/server/metrics/catalog";
import { readCounts, sumCounts, testCategoricalShift, type Counts } from "./categorical";
import { buildSeries, queueScopeKey, type Detector } from "./detector";
import { selectQueueSeries } from "./holdout";
import { judgeSeries, markFiring } from "./series";

const MIN_SAMPLE_SIZE = 20;

/** Gold labels narrowing or shifting: the window's label mix against the queue's reference mix. */
export const labelCollapse: Detector = {
  definition: {
    id: "label_collapse",
    title: "Label-distribution collapse",
    summary: "Gold labels narrow onto fewer values, or their mix moves away from what the queue produced at first.",
    formula:
      "JSD_t = JS distance (bits) between the window's gold label counts and the pooled reference counts; ΔH_t = H(window) − H(reference), H = −Σ p·log₂ p. p_t = 2·min(P(JSD* ≥ JSD_t), P(ΔH* ≤ ΔH_t)); beyond when p_t ≤ 0.001, fires on 2 consecutive beyond windows.",
    inputs: ["gold.labels", "gold.labels.holdout"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Parametric bootstrap of homogeneity at this window's n: the reference (its own size) and the window (its size) are redrawn as multinomials from their pooled label shares, up to 1,999 seeded draws with sequential stopping; the band is the asymptotic χ² version of the same null.",
    defaultThreshold: "p ≤ 0.001 (Bonferroni over JSD and entropy) in 2 consecutive windows; reference = first 7 windows with ≥ 20 gold labels",
    usesHoldout: true,
  },
  detect(input) {
    return selectQueueSeries(input, "gold.labels", MIN_SAMPLE_SIZE).map(({ queueId, subject, metric, points }) => {
      const scopeKey = subject === "" ? queueScopeKey(queueId) : `${queueScopeKey(queueId)}/field:${subject}`;
      const judged = judgeSeries<Counts>(points, {
        scopeKey: `label_collapse/${scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: sumCounts,
        judge: (point: MetricPoint, reference, seed) => {
          const counts = readCounts(point);
          return counts ? (testCategoricalShift(counts, reference, { divergence: true, entropyDrop: true }, seed)?.verdict ?? null) : null;
        },
      });
      return buildSeries("label_collapse", input, { queueId, subject, scopeKey }, [metric], "JS distance to reference, bits", markFiring(judged));
    });
  },
};
