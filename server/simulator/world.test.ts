import { describe, expect, it } from "vitest";
import { answerItem } from "./annotators";
import { streamFor } from "./random";
import { RUBBER_STAMPER, scenarios, worldOnDay } from "./scenarios";
import { generateDayTraffic } from "./traffic";
import { answerProbabilities, baselineWorld, verdicts } from "./world";

describe("the simulated world", () => {
  it("keeps the baseline before the onset and changes from the onset day on", () => {
    expect(worldOnDay(scenarios["label-collapse"], 29, 30)).toBe(baselineWorld);
    expect(worldOnDay(scenarios["label-collapse"], 30, 30).labelMix.good).toBe(0.95);
    expect(worldOnDay(scenarios.healthy, 45, 30)).toEqual(baselineWorld);
    expect(worldOnDay(scenarios["rubber-stamp"], 30, 30).annotators[RUBBER_STAMPER]).toMatchObject({ kind: "rubber_stamp" });
  });

  it("gives answer probabilities that sum to one, right with the accuracy", () => {
    for (const truth of verdicts) {
      const probabilities = answerProbabilities(truth, 0.8);
      expect(probabilities[truth]).toBe(0.8);
      expect(verdicts.reduce((sum, verdict) => sum + probabilities[verdict], 0)).toBeCloseTo(1, 12);
    }
  });

  it("draws the same traffic for the same seed and day, and other traffic for another seed", () => {
    const first = generateDayTraffic(baselineWorld, 7, 3);
    expect(generateDayTraffic(baselineWorld, 7, 3)).toEqual(first);
    expect(generateDayTraffic(baselineWorld, 8, 3)).not.toEqual(first);
    expect(first.outputs).toHaveLength(baselineWorld.outputsPerDay);
    expect(first.outputs[0]!.item).toMatchObject({ external_id: "sim-d003-0000", tags: ["support", expect.any(String)], suggestion: { source: "judge-sim-v1" } });
  });

  it("produces the label mix it is given, and signals more often on bad outputs", () => {
    const days = Array.from({ length: 40 }, (_, day) => generateDayTraffic(baselineWorld, 1, day + 1));
    const outputs = days.flatMap((traffic) => traffic.outputs);
    const goodShare = outputs.filter((output) => output.truth === "good").length / outputs.length;
    expect(goodShare).toBeGreaterThan(0.5);
    expect(goodShare).toBeLessThan(0.6);
    const truthById = new Map(outputs.map((output) => [output.externalId, output.truth]));
    const thumbsDownRate = (truth: string) =>
      days.flatMap((traffic) => traffic.signals).filter((signal) => signal.kind === "thumbs_down" && truthById.get(signal.external_id) === truth).length /
      outputs.filter((output) => output.truth === truth).length;
    expect(thumbsDownRate("wrong")).toBeGreaterThan(3 * thumbsDownRate("good"));
  });
});

describe("synthetic annotators", () => {
  it("answer honestly from their confusion matrix, ignoring the pre-selected value", () => {
    const answers = Array.from({ length: 2_000 }, (_, index) => answerItem({ kind: "honest", accuracy: 0.85, medianSeconds: 20 }, "wrong", "good", streamFor(1, index)));
    const right = answers.filter((answer) => answer.verdict === "wrong").length / answers.length;
    expect(right).toBeGreaterThan(0.82);
    expect(right).toBeLessThan(0.88);
    const times = answers.map((answer) => answer.timeSpentMs).sort((a, b) => a - b);
    expect(times[1_000]).toBeGreaterThan(17_000);
    expect(times[1_000]).toBeLessThan(23_000);
  });

  it("rubber-stamp what is shown, fast, and answer from the item when nothing is shown", () => {
    const stamper = { kind: "rubber_stamp", medianSeconds: 2.5 } as const;
    const stamped = Array.from({ length: 200 }, (_, index) => answerItem(stamper, "wrong", "good", streamFor(2, index)));
    expect(stamped.every((answer) => answer.verdict === "good" && answer.timeSpentMs < 10_000)).toBe(true);
    const unshown = Array.from({ length: 200 }, (_, index) => answerItem(stamper, "wrong", undefined, streamFor(3, index)));
    expect(unshown.filter((answer) => answer.verdict === "wrong").length).toBeGreaterThan(140);
  });
});
