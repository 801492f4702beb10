import { describe, expect, it } from "vitest";
import { formatSummary, formatSummaryJson } from "./report";
import { scenarios } from "./scenarios";
import { summarizeRun } from "./summary";

describe("summarizeRun", () => {
  it("counts every alert of a healthy loop as a false alarm and reports no onset", () => {
    const summary = summarizeRun(scenarios.healthy, 30, 60, [
      { detector: "input_drift", window: 41 },
      { detector: "agreement_decay", window: 12 },
    ]);
    expect(summary).toMatchObject({
      scenario: "healthy",
      onset: null,
      windows: 60,
      detections: [],
      false_alarms: [
        { detector: "agreement_decay", window: 12 },
        { detector: "input_drift", window: 41 },
      ],
      sideDetections: [],
    });
  });

  it("gives each intended detector its first window from the onset on, and counts only earlier alerts as false alarms", () => {
    const summary = summarizeRun(scenarios["rubber-stamp"], 30, 60, [
      { detector: "decoy_acceptance", window: 12 },
      { detector: "decoy_acceptance", window: 32 },
      { detector: "time_collapse", window: 30 },
      { detector: "annotator_entropy", window: 31 },
      { detector: "decoy_acceptance", window: 40 },
    ]);
    expect(summary.onset).toBe(30);
    expect(summary.detections).toEqual([
      { detector: "decoy_acceptance", window: 32, delay: 2 },
      { detector: "suggestion_agreement", window: null, delay: null },
      { detector: "time_collapse", window: 30, delay: 0 },
    ]);
    expect(summary.sideDetections).toEqual([{ detector: "annotator_entropy", window: 31, delay: 1 }]);
    expect(summary.false_alarms).toEqual([{ detector: "decoy_acceptance", window: 12 }]);
  });
});

describe("the printed summary", () => {
  it("prints exactly the contract's fields as one JSON object", () => {
    const summary = summarizeRun(scenarios["label-collapse"], 30, 60, [{ detector: "label_collapse", window: 31 }]);
    expect(Object.keys(JSON.parse(formatSummaryJson(summary)))).toEqual(["scenario", "onset", "windows", "detections", "false_alarms"]);
  });

  it("names undetected detectors and the false-alarm rule", () => {
    const text = formatSummary(summarizeRun(scenarios["label-collapse"], 30, 60, [{ detector: "label_collapse", window: 31 }, { detector: "input_drift", window: 3 }]));
    expect(text).toContain("label_collapse         first alert day 31, delay 1 window");
    expect(text).toContain("approval_saturation    not detected");
    expect(text).toContain("false alarms (any alert before the onset): input_drift day 3");
  });
});
