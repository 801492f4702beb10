import { beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "@/server/quality";
import { binomialUpperTail } from "./distributions";
import { detectorDefinitions, runDetectors } from "./index";
import { WINDOW_LEVEL } from "./levels";
import { generateSyntheticProject, syntheticQueueId, type Collapse, type SyntheticProjectOptions } from "./testing/synthetic-project";
import { detectorIds, type DetectorContext, type DetectorId, type DetectorSeries } from "./types";

const HEALTHY_SEEDS = Array.from({ length: 30 }, (_, index) => 100 + index);
const WINDOWS = 60;
const ONSET = 30;
const context = (holdoutFraction = 0): DetectorContext => ({ granularity: "day", queues: [{ id: syntheticQueueId(0), holdoutFraction }] });

/** A healthy loop: ~30–60 gold labels a day, 4 annotators, 60 daily windows. */
const healthyRuns = new Map<number, DetectorSeries[]>();
beforeAll(() => {
  for (const seed of HEALTHY_SEEDS) healthyRuns.set(seed, runDetectors(generateSyntheticProject({ seed, windows: WINDOWS }), context()));
});

describe("a healthy loop", () => {
  it("raises no alert from any detector across 30 seeds of 60 daily windows", () => {
    const firing = [...healthyRuns].flatMap(([seed, series]) =>
      series.flatMap((each) => each.windows.filter((window) => window.firing).map((window) => `${seed} ${each.detector} ${each.scopeKey} ${window.windowStart.toISOString()}`)),
    );
    expect(firing).toEqual([]);
  });

  it.each(detectorIds)("%s: windows beyond the band stay near the documented per-window level", (detector) => {
    const pValues = [...healthyRuns.values()].flatMap((series) =>
      series.filter((each) => each.detector === detector).flatMap((each) => each.windows.flatMap((window) => (window.pValue === null ? [] : [window.pValue]))),
    );
    expect(pValues.length).toBeGreaterThan(1000);
    // At a true level of WINDOW_LEVEL the count of beyond windows exceeds this bound once in a thousand runs.
    let bound = 0;
    while (binomialUpperTail(bound, pValues.length, WINDOW_LEVEL) > 0.001) bound += 1;
    expect(pValues.filter((p) => p <= WINDOW_LEVEL).length).toBeLessThan(bound);
  });
});

const detections: ReadonlyArray<{ detector: DetectorId; collapse: Collapse; options?: Partial<SyntheticProjectOptions> }> = [
  { detector: "label_collapse", collapse: "label_collapse" },
  { detector: "approval_saturation", collapse: "approval_saturation" },
  { detector: "decoy_acceptance", collapse: "rubber_stamp" },
  // ~29 suggestions per annotator and day leave a 0.71 → 0.99 jump near the window level; at ~60 it is clear.
  { detector: "suggestion_agreement", collapse: "rubber_stamp", options: { goldPerWindow: [70, 90] } },
  { detector: "time_collapse", collapse: "rubber_stamp" },
  { detector: "annotator_entropy", collapse: "rubber_stamp" },
  { detector: "agreement_decay", collapse: "agreement_decay" },
  { detector: "diversity_loss", collapse: "diversity_loss" },
  { detector: "input_drift", collapse: "input_drift" },
  { detector: "negative_signal_trend", collapse: "negative_signal" },
  { detector: "correction_rate_trend", collapse: "correction_drop" },
];

describe("a clear collapse", () => {
  it.each(detections)("$detector catches $collapse within 3 windows of onset, and not before", ({ detector, collapse, options }) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const points = generateSyntheticProject({ seed, windows: WINDOWS, ...options, collapses: { [collapse]: ONSET } });
      const series = runDetectors(points, { ...context(), enabled: new Set([detector]) });
      expect(series.every((each) => each.detector === detector)).toBe(true);
      const firingAt = series.flatMap((each) => each.windows.flatMap((window, index) => (window.firing ? [index] : [])));
      expect(firingAt.filter((index) => index < ONSET)).toEqual([]);
      expect(Math.min(...firingAt) - ONSET).toBeLessThanOrEqual(3);
    }
  });
});

describe("small windows", () => {
  it.each(detectorIds)("%s: windows below the minimum sample size report no statistic and never fire, even on a collapse", (detector) => {
    const points = generateSyntheticProject({
      seed: 9,
      windows: WINDOWS,
      goldPerWindow: [2, 4],
      annotationsPerGold: 1,
      outputsPerWindow: 20,
      collapses: Object.fromEntries(detections.map(({ collapse }) => [collapse, 10])),
    });
    const minimum = detectorDefinitions.find((definition) => definition.id === detector)!.minSampleSize;
    const series = runDetectors(points, { ...context(), enabled: new Set([detector]) });
    expect(series.length).toBeGreaterThan(0);
    for (const window of series.flatMap((each) => each.windows)) {
      expect(window.sampleSize).toBeLessThan(minimum);
      expect(window.statistic).toBeNull();
      expect(window.firing).toBe(false);
    }
  });
});

describe("determinism", () => {
  it("repeats exactly, whatever the order of the points", () => {
    const points = generateSyntheticProject({ seed: 3, windows: 40, collapses: { rubber_stamp: 25, input_drift: 30 } });
    const first = runDetectors(points, context());
    const random = createRandom(1);
    const shuffled = [...points].sort(() => random() - 0.5);
    expect(runDetectors(points, context())).toEqual(first);
    expect(runDetectors(shuffled, context())).toEqual(first);
  });
});

describe("holdout slice", () => {
  const holdoutDetectors = detectorDefinitions.filter((definition) => definition.usesHoldout).map((definition) => definition.id);

  it("sampling-dependent detectors read <metric>.holdout when the queue keeps a big enough slice", () => {
    const points = generateSyntheticProject({ seed: 4, windows: 30, goldPerWindow: [200, 240], holdoutFraction: 0.2 });
    const series = runDetectors(points, { ...context(0.2), enabled: new Set(holdoutDetectors) });
    expect(series.map((each) => each.metrics[0]).sort()).toEqual(["corrections.rate.holdout", "gold.labels.holdout", "labels.approval.holdout"]);
  });

  it("read every counted item when the queue's rule samples uniformly: the whole queue is the larger uniform sample", () => {
    const points = generateSyntheticProject({ seed: 4, windows: 30, goldPerWindow: [200, 240], holdoutFraction: 0.2 });
    const series = runDetectors(points, { granularity: "day", queues: [{ id: syntheticQueueId(0), holdoutFraction: 0.2, isUniformSample: true }], enabled: new Set(holdoutDetectors) });
    expect(series.map((each) => each.metrics[0]).sort()).toEqual(["corrections.rate", "gold.labels", "labels.approval"]);
  });

  it("fall back to every counted item when the slice is too small or the queue keeps none", () => {
    const small = generateSyntheticProject({ seed: 4, windows: 30, holdoutFraction: 0.05 });
    const fromSmall = runDetectors(small, { ...context(0.05), enabled: new Set(holdoutDetectors) });
    expect(fromSmall.map((each) => each.metrics[0]).sort()).toEqual(["corrections.rate", "gold.labels", "labels.approval"]);
    const fromNone = runDetectors(generateSyntheticProject({ seed: 4, windows: 30, goldPerWindow: [200, 240], holdoutFraction: 0.2 }), {
      ...context(0),
      enabled: new Set(holdoutDetectors),
    });
    expect(fromNone.map((each) => each.metrics[0]).sort()).toEqual(["corrections.rate", "gold.labels", "labels.approval"]);
  });
});

describe("context", () => {
  it("runs only enabled detectors over the requested granularity, with stable scope keys", () => {
    const points = generateSyntheticProject({ seed: 2, windows: 20 });
    expect(runDetectors(points, { granularity: "hour", queues: [] })).toEqual([]);
    const series = runDetectors(points, { ...context(), enabled: new Set(["decoy_acceptance", "input_drift"]) });
    expect(new Set(series.map((each) => each.detector))).toEqual(new Set(["decoy_acceptance", "input_drift"]));
    expect(series.map((each) => each.scopeKey).sort()).toEqual([
      "feature:meta:key1",
      "feature:model",
      "input:length",
      ...[0, 1, 2, 3].map((annotator) => `queue:${syntheticQueueId(0)}/annotator:annotator-0-${annotator}`),
    ].sort());
  });

  it("reports nothing until the reference windows exist", () => {
    const series = runDetectors(generateSyntheticProject({ seed: 2, windows: 20 }), { ...context(), referenceWindows: 25 });
    expect(series.flatMap((each) => each.windows).every((window) => window.statistic === null && !window.firing)).toBe(true);
  });
});
