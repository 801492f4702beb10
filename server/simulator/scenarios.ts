import type { DetectorId } from "@/server/alerts/detectors/types";
import { baselineWorld, type DayWorld } from "./world";

export const scenarioNames = ["healthy", "rubber-stamp", "label-collapse", "input-drift", "agreement-decay"] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export type Scenario = {
  name: ScenarioName;
  /** What changes at the onset, in one sentence for the printed report. */
  summary: string;
  /** The detectors meant to catch it; empty for the healthy loop. */
  intendedDetectors: readonly DetectorId[];
  /** The world of a day after the onset (the baseline before it). */
  afterOnset: (world: DayWorld) => DayWorld;
};

/** The annotator who starts rubber-stamping in the rubber-stamp scenario (an index into annotatorProfiles). */
export const RUBBER_STAMPER = 3;

export const scenarios: Readonly<Record<ScenarioName, Scenario>> = {
  healthy: {
    name: "healthy",
    summary: "nothing changes: stationary traffic, labels and annotators",
    intendedDetectors: [],
    afterOnset: (world) => world,
  },
  "rubber-stamp": {
    name: "rubber-stamp",
    summary: "one annotator starts submitting the pre-selected suggestion, decoys included, in a few seconds",
    intendedDetectors: ["decoy_acceptance", "suggestion_agreement", "time_collapse"],
    afterOnset: (world) => ({
      ...world,
      annotators: world.annotators.map((behaviour, index) => (index === RUBBER_STAMPER ? { kind: "rubber_stamp", medianSeconds: 2.5 } : behaviour)),
    }),
  },
  "label-collapse": {
    name: "label-collapse",
    summary: "the labels collapse onto one verdict: 95 % of outputs are now good",
    intendedDetectors: ["label_collapse", "approval_saturation"],
    afterOnset: (world) => ({ ...world, labelMix: { good: 0.95, partial: 0.04, wrong: 0.01 } }),
  },
  "input-drift": {
    name: "input-drift",
    summary: "traffic shifts: a new model takes half the outputs, Japanese users arrive and inputs grow three times longer",
    intendedDetectors: ["input_drift"],
    afterOnset: (world) => ({
      ...world,
      modelMix: { "support-bot-a": 0.2, "support-bot-b": 0.3, "support-bot-c": 0.5 },
      localeMix: { en: 0.35, de: 0.1, fr: 0.05, ja: 0.5 },
      inputLengthMedian: world.inputLengthMedian * 3,
    }),
  },
  "agreement-decay": {
    name: "agreement-decay",
    summary: "every annotator becomes much noisier: accuracy falls from about 85 % to 45 % (a third is chance)",
    intendedDetectors: ["agreement_decay"],
    afterOnset: (world) => ({
      ...world,
      annotators: world.annotators.map((behaviour) => (behaviour.kind === "honest" ? { ...behaviour, accuracy: 0.45 } : behaviour)),
    }),
  },
};

/** The world on simulated day `day` (1-based): the baseline before the onset, the scenario's from it on. */
export function worldOnDay(scenario: Scenario, day: number, onset: number): DayWorld {
  return day >= onset ? scenario.afterOnset(baselineWorld) : baselineWorld;
}
