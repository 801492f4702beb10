import { describe, expect, it } from "vitest";
import { explainIdleAdaptive, formatReplayTable } from "./format";

describe("formatReplayTable", () => {
  it("prints one aligned row per policy", () => {
    const table = formatReplayTable({
      items: 10,
      truthItems: 10,
      labels: 50,
      outcomes: [
        { policy: { kind: "fixed", k: 3 }, labelsSpent: 30, accuracy: 0.9, leftForLead: 0, shortOfLabels: 0 },
        { policy: { kind: "adaptive", min: 3, max: 5 }, labelsSpent: 34.5, accuracy: 0.95, leftForLead: 1.5, shortOfLabels: 0 },
      ],
    });
    expect(table.split("\n")).toEqual([
      "policy        labels spent  per item  accuracy  left for a lead  short of labels",
      "fixed k=3             30.0      3.00    0.9000              0.0              0.0",
      "adaptive 3→5          34.5      3.45    0.9500              1.5              0.0",
    ]);
  });
});

describe("explainIdleAdaptive", () => {
  const idle = {
    items: 10,
    truthItems: 10,
    labels: 50,
    outcomes: [
      { policy: { kind: "fixed" as const, k: 3 }, labelsSpent: 30, accuracy: 0.9, leftForLead: 0, shortOfLabels: 0 },
      { policy: { kind: "adaptive" as const, min: 3, max: 5 }, labelsSpent: 30, accuracy: 0.9, leftForLead: 0, shortOfLabels: 0 },
    ],
  };

  it("says why adaptive took no more labels when a (k−1)–1 split already meets the threshold", () => {
    expect(explainIdleAdaptive(idle, { min: 3, max: 5, threshold: 0.6 })).toBe(
      "Adaptive never asked for more: at k = 3 a 2–1 split already reaches the threshold 0.6, so no item fell short of it. Try --threshold 0.67 to grow the review on any split.",
    );
  });

  it("stays quiet when adaptive grew, or when the threshold was not the reason", () => {
    const grew = { ...idle, outcomes: [idle.outcomes[0]!, { ...idle.outcomes[1]!, labelsSpent: 34 }] };
    expect(explainIdleAdaptive(grew, { min: 3, max: 5, threshold: 0.6 })).toBeNull();
    expect(explainIdleAdaptive(idle, { min: 3, max: 5, threshold: 0.7 })).toBeNull();
  });
});
