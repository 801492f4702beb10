import { describe, expect, it } from "vitest";
import type { DetectorWindow } from "./detectors/types";
import { alertTitle, describeBand } from "./titles";
import type { WatchedSeries } from "./watched-series";

const window = (statistic: number | null, band: DetectorWindow["band"]): DetectorWindow => ({ windowStart: new Date(0), sampleSize: 40, statistic, band, firing: true, pValue: 0.001 });
const series = (overrides: Partial<WatchedSeries>): WatchedSeries => ({
  detector: "label_collapse",
  definition: null,
  rule: null,
  queueId: "q",
  subject: "",
  subjectKind: null,
  scopeKey: "queue:q",
  metrics: ["gold.labels"],
  statisticLabel: "entropy, bits",
  windows: [],
  sustainedWindows: 1,
  clearWindows: 3,
  severity: "warning",
  ...overrides,
});

describe("alert titles", () => {
  it("say what collapsed, the figure and the null band", () => {
    expect(alertTitle(series({}), window(0.1234, { lower: 0.85, upper: null }), { queueName: "Support replies", distinctLabels: 1 })).toBe(
      "Gold labels in 'Support replies' collapsed to 1 label (entropy 0.123 bits, null band ≥ 0.85)",
    );
    expect(alertTitle(series({ detector: "input_drift", queueId: null, subject: "model", subjectKind: "feature", statisticLabel: "JSD vs reference" }), window(0.4, { lower: null, upper: 0.05 }), { queueName: null, distinctLabels: null })).toBe(
      "Inputs drifted on model (JSD vs reference 0.4, null band ≤ 0.05)",
    );
  });

  it("never name the annotator", () => {
    const title = alertTitle(series({ detector: "decoy_acceptance", subject: "user-id", subjectKind: "annotator", statisticLabel: "decoys accepted, share" }), window(0.9, { lower: null, upper: 0.4 }), { queueName: "Q", distinctLabels: null });
    expect(title).toBe("An annotator in 'Q' is accepting decoys (decoys accepted 0.9 share, null band ≤ 0.4)");
    expect(title).not.toContain("user-id");
  });

  it("describe bands on either or both sides", () => {
    expect(describeBand({ lower: 0.1, upper: 0.9 })).toBe("0.1–0.9");
    expect(describeBand({ lower: null, upper: null })).toBeNull();
  });
});
