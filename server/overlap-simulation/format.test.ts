import { describe, expect, it } from "vitest";
import { formatReplayTable } from "./format";

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
