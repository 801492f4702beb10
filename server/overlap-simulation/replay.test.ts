import { describe, expect, it } from "vitest";
import { comparedPolicies, countTaken, replayOverlap, type ReplaySettings } from "./replay";

/** Builds columns from `item: labels` lines, each label by its own worker. */
function answersOf(items: Record<string, string[]>) {
  const columns = { items: [] as string[], workers: [] as string[], labels: [] as string[] };
  for (const [item, labels] of Object.entries(items)) {
    labels.forEach((label, index) => {
      columns.items.push(item);
      columns.workers.push(`w${index}`);
      columns.labels.push(label);
    });
  }
  return columns;
}

const settings = (overrides: Partial<ReplaySettings> = {}): ReplaySettings => ({ policies: comparedPolicies(2, 4), threshold: 0.6, seed: 7, runs: 5, ...overrides });

describe("replayOverlap", () => {
  it("spends k answers per item when they agree, whatever the policy", () => {
    const columns = answersOf({ a: ["1", "1", "1", "1"], b: ["0", "0", "0", "0"] });
    const truth = new Map([["a", "1"], ["b", "0"]]);
    const [fixedMin, fixedMax, adaptive] = replayOverlap(columns, truth, settings()).outcomes;
    expect(fixedMin).toMatchObject({ labelsSpent: 4, accuracy: 1, leftForLead: 0, shortOfLabels: 0 });
    expect(fixedMax).toMatchObject({ labelsSpent: 8, accuracy: 1, leftForLead: 0 });
    expect(adaptive).toMatchObject({ labelsSpent: 4, accuracy: 1, leftForLead: 0 });
  });

  it("asks for one more answer per disagreement, up to K, and stops at the first gold", () => {
    const adaptive = { kind: "adaptive", min: 2, max: 4 } as const;
    expect(countTaken(adaptive, ["0", "0", "1", "1"], 0.6)).toEqual({ taken: 2, isShort: false });
    // 1:1 splits, 2:1 is a 0.67 majority: gold at 3.
    expect(countTaken(adaptive, ["0", "1", "0", "1"], 0.6)).toEqual({ taken: 3, isShort: false });
    // At 0.8, 2:1 is not enough and 2:2 neither: the item runs to K.
    expect(countTaken(adaptive, ["0", "1", "0", "1"], 0.8)).toEqual({ taken: 4, isShort: false });
    expect(countTaken(adaptive, ["0", "1"], 0.6)).toEqual({ taken: 2, isShort: true });
    expect(countTaken({ kind: "fixed", k: 3 }, ["0", "1"], 0.6)).toEqual({ taken: 2, isShort: true });
  });

  it("leaves an item split at K for a lead and scores it by majority, ties to the lowest label", () => {
    const split = replayOverlap(answersOf({ split: ["2", "1", "3", "0", "1"] }), new Map([["split", "1"]]), settings({ policies: [{ kind: "fixed", k: 5 }] }));
    expect(split.outcomes[0]).toMatchObject({ labelsSpent: 5, leftForLead: 1, shortOfLabels: 0, accuracy: 1 });
    const [, , lowestWins] = replayOverlap(answersOf({ tie: ["3", "1", "2", "0"] }), new Map([["tie", "0"]]), settings()).outcomes;
    expect(lowestWins).toMatchObject({ labelsSpent: 4, leftForLead: 1, accuracy: 1 });
  });

  it("uses every answer an item has when the policy wants more, and says so", () => {
    const columns = answersOf({ few: ["1", "0"], many: ["1", "1", "1", "1"] });
    const [fixedMin, fixedMax, adaptive] = replayOverlap(columns, new Map([["few", "1"]]), settings({ policies: comparedPolicies(3, 4) })).outcomes;
    expect(fixedMin).toMatchObject({ labelsSpent: 5, shortOfLabels: 1 });
    expect(fixedMax).toMatchObject({ labelsSpent: 6, shortOfLabels: 1 });
    expect(adaptive).toMatchObject({ labelsSpent: 5, shortOfLabels: 1, leftForLead: 1 });
  });

  it("scores only truth items and counts a truth label nobody gave as wrong", () => {
    const columns = answersOf({ a: ["1", "1"], b: ["0", "0"], c: ["1", "1"] });
    const result = replayOverlap(columns, new Map([["a", "1"], ["b", "2"], ["absent", "1"]]), settings());
    expect(result).toMatchObject({ items: 3, truthItems: 2, labels: 6 });
    expect(result.outcomes[0]!.accuracy).toBe(0.5);
  });

  it("is reproducible for a seed and varies the arrival order between seeds", () => {
    const items: Record<string, string[]> = {};
    for (let index = 0; index < 40; index += 1) items[`i${index}`] = ["0", "1", "0", "1", "1"];
    const columns = answersOf(items);
    const truth = new Map(Object.keys(items).map((item) => [item, "1"]));
    const first = replayOverlap(columns, truth, settings({ runs: 1 }));
    expect(replayOverlap(columns, truth, settings({ runs: 1 }))).toEqual(first);
    const spent = new Set([1, 2, 3, 4].map((seed) => replayOverlap(columns, truth, settings({ runs: 1, seed })).outcomes[2]!.labelsSpent));
    expect(spent.size).toBeGreaterThan(1);
  });
});
