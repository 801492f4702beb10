import type { MetricName, MetricPoint } from "@/server/metrics/catalog";
import { readCounts, sumCounts, testCategoricalShift, type Counts } from "./categorical";
import { buildSeries, type Detector, type DetectorInput } from "./detector";
import { groupPoints, judgeSeries, markFiring } from "./series";
import type { DetectorSeries } from "./types";

const MIN_SAMPLE_SIZE = 50;

function detectDrift(input: DetectorInput, metric: MetricName, points: MetricPoint[], scopeKey: string): DetectorSeries {
  const { queueId, subject } = points[0]!;
  const judged = judgeSeries<Counts>(points, {
    scopeKey: `input_drift/${scopeKey}`,
    minSampleSize: MIN_SAMPLE_SIZE,
    referenceWindows: input.referenceWindows,
    pool: sumCounts,
    judge: (point, reference, seed) => {
      const counts = readCounts(point);
      return counts ? (testCategoricalShift(counts, reference, { divergence: true, entropyDrop: false }, seed)?.verdict ?? null) : null;
    },
  });
  return buildSeries("input_drift", input, { queueId, subject, scopeKey }, [metric], "JS distance to reference, bits", markFiring(judged));
}

/** Inputs moving away from the mix the gold describes: each categorical feature and the input length. */
export const inputDrift: Detector = {
  definition: {
    id: "input_drift",
    title: "Input drift",
    summary: "The inputs reaching the model (model, tags, watched metadata keys, input length) move away from the reference mix.",
    formula:
      "JSD_t = JS distance (bits) between the window's value counts (or log₂ length histogram) and the pooled reference. p_t = P(JSD* ≥ JSD_t); beyond when p_t ≤ 0.001, fires on 2 consecutive beyond windows.",
    inputs: ["inputs.feature", "inputs.length"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Parametric bootstrap of homogeneity at this window's n: reference and window redrawn as multinomials from their pooled shares (up to 999 seeded draws, sequential stopping); the band is 8·n·N/(n+N)·JS ≈ χ²(k−1).",
    defaultThreshold: "p ≤ 0.001 in 2 consecutive windows; reference = first 7 windows with ≥ 50 outputs",
    usesHoldout: false,
  },
  detect(input) {
    const features = [...groupPoints(input.pointsOf("inputs.feature")).values()].map((points) =>
      detectDrift(input, "inputs.feature", points, `feature:${points[0]!.subject}`),
    );
    const lengths = [...groupPoints(input.pointsOf("inputs.length")).values()].map((points) =>
      detectDrift(input, "inputs.length", points, "input:length"),
    );
    return [...features, ...lengths];
  },
};
