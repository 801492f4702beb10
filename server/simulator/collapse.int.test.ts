import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { ScenarioName } from "./scenarios";
import { runSimulation } from "./service";

const testDb = setUpTestDatabase();

// Two weeks of a stationary loop give the detectors their reference; the run stops three windows after the onset.
const ONSET = 15;
const DAYS = ONSET + 3;

describe("collapse scenarios", () => {
  // Scenarios run side by side, each in its own project.
  it.concurrent.each<ScenarioName>(["rubber-stamp", "label-collapse", "input-drift", "agreement-decay"])("%s is caught within 3 windows of its onset by each detector meant for it", async (scenario) => {
    const { summary } = await runSimulation(testDb.db, { scenario, days: DAYS, seed: 11, onset: ONSET });

    expect(summary.detections.length).toBeGreaterThan(0);
    for (const detection of summary.detections) {
      expect(detection.delay, `${detection.detector} in ${scenario}`).not.toBeNull();
      expect(detection.delay!, `${detection.detector} in ${scenario}`).toBeLessThanOrEqual(3);
    }
    expect(summary.false_alarms).toEqual([]);
  }, 900_000);
});
