import type { Scenario } from "./scenarios";

/** An alert the evaluation raised at the end of a simulated day (its window, 1-based). */
export type RaisedAlert = { detector: string; window: number };

export type Detection = { detector: string; window: number | null; delay: number | null };

/** The `--json` object. */
export type SimulationSummary = {
  scenario: string;
  /** Null for the healthy loop, which has no onset. */
  onset: number | null;
  windows: number;
  /** Each detector meant for the scenario: the first window it raised an alert in at or after the onset (null: never). */
  detections: Detection[];
  false_alarms: { detector: string; window: number }[];
};

/** Detectors not meant for the scenario that also fired after its onset, shown in the printed report only. */
export type SideDetection = { detector: string; window: number; delay: number };

/**
 * Scores a run. A false alarm is any alert in the healthy loop, and any alert raised before the onset in a
 * collapse scenario: in both the loop was unchanged when it fired. After the onset the loop really has
 * changed, so an alert from a detector not meant for the scenario is reported as a side detection, not a
 * false alarm (a rubber-stamper also narrows that annotator's label entropy, for example).
 */
export function summarizeRun(scenario: Scenario, onset: number, windows: number, raised: readonly RaisedAlert[]): SimulationSummary & { sideDetections: SideDetection[] } {
  const ordered = [...raised].sort((a, b) => a.window - b.window || a.detector.localeCompare(b.detector));
  const isHealthy = scenario.intendedDetectors.length === 0;
  const afterOnset = isHealthy ? [] : ordered.filter((alert) => alert.window >= onset);
  const firstWindow = (detector: string) => afterOnset.find((alert) => alert.detector === detector)?.window ?? null;

  const detections = scenario.intendedDetectors.map((detector) => {
    const window = firstWindow(detector);
    return { detector, window, delay: window === null ? null : window - onset };
  });
  const sideDetectors = [...new Set(afterOnset.map((alert) => alert.detector))].filter((detector) => !scenario.intendedDetectors.some((intended) => intended === detector));
  const sideDetections = sideDetectors.map((detector) => {
    const window = firstWindow(detector)!;
    return { detector, window, delay: window - onset };
  });
  const falseAlarms = (isHealthy ? ordered : ordered.filter((alert) => alert.window < onset)).map(({ detector, window }) => ({ detector, window }));
  return { scenario: scenario.name, onset: isHealthy ? null : onset, windows, detections, false_alarms: falseAlarms, sideDetections };
}
