import { describe, expect, it } from "vitest";
import { buildSamplingRule, type SamplingRule } from "@/server/queues/schema";
import { inclusionProbability, mainProbability, planDay, rateForStratum } from "./rates";
import { planQueueItems, type StoredSamplingOutput } from "./rule";

const QUEUE_ID = "6f1c1f4e-2c3a-4f57-9a57-0d6c3c1b7a11";
const rule = (fields: Partial<SamplingRule> = {}) => buildSamplingRule({ rate: 0.1, ...fields });

describe("mainProbability", () => {
  it("is the rate, multiplied for priority up to 1, zero outside the signal filter, and never below ε", () => {
    const boosted = rule({ prioritySignals: ["thumbs_down"], priorityMultiplier: 4, explorationFloor: 0.02 });
    expect(mainProbability(boosted, 0.1, true, false)).toBe(0.1);
    expect(mainProbability(boosted, 0.1, true, true)).toBeCloseTo(0.4, 15);
    expect(mainProbability(boosted, 0.3, true, true)).toBe(1);
    expect(mainProbability(boosted, 0.1, false, true)).toBe(0.02);
    expect(mainProbability(boosted, 0, true, false)).toBe(0.02);
    expect(inclusionProbability(0.02, 0.5)).toBeCloseTo(0.51, 15);
  });
});

describe("planDay", () => {
  const history = {
    days: 2,
    strata: [
      { stratum: "en", outputs: 2_000, eligible: 2_000, prioritized: 200 },
      { stratum: "de", outputs: 100, eligible: 100, prioritized: 0 },
    ],
  };

  it("keeps the base rate without history, and cannot limit a day it has no volume for", () => {
    expect(planDay(rule({ quotaPerDay: 50, dailyBudget: 1 }), 0, { days: 0, strata: [] }, 0)).toEqual({ defaultRate: 0.1, stratumRates: {}, expectedItems: 0, limitedBy: null });
  });

  it("raises a stratum's rate until it expects its quota, and leaves strata above it at the base rate", () => {
    const plan = planDay(rule({ quotaPerDay: 25 }), 0, history, 0);
    // de: 50 a day, so 25 ÷ 50 = 0.5; en: 1,000 a day already expects 100 at 0.1.
    expect(rateForStratum(plan, "de")).toBeCloseTo(0.5, 12);
    expect(rateForStratum(plan, "en")).toBe(0.1);
    expect(rateForStratum(plan, "fr")).toBe(0.1);
    expect(plan.expectedItems).toBeCloseTo(125, 9);
  });

  it("counts priority in the quota: prioritised outputs are drawn at the multiplied rate", () => {
    const plan = planDay(rule({ rate: 0.01, quotaPerDay: 50, prioritySignals: ["thumbs_down"], priorityMultiplier: 5 }), 0, history, 0);
    const rate = rateForStratum(plan, "en");
    // 900 a day at r and 100 at 5r expect 50: 1,400 r = 50.
    expect(rate).toBeCloseTo(50 / 1_400, 12);
  });

  it("scales every rate by one factor so the day expects exactly the budget, never the floor or the holdout", () => {
    const plan = planDay(rule({ rate: 0.5, dailyBudget: 105, explorationFloor: 0.01 }), 0, history, 0);
    expect(plan.limitedBy).toBe("budget");
    expect(plan.expectedItems).toBeLessThanOrEqual(105);
    expect(plan.expectedItems).toBeCloseTo(105, 9);
    expect(rateForStratum(plan, "en") / rateForStratum(plan, "de")).toBeCloseTo(1, 12);
    // A budget below what the floor alone expects takes the rates to 0; the floor still applies per output.
    const tight = planDay(rule({ rate: 0.5, dailyBudget: 1, explorationFloor: 0.01 }), 0, history, 0);
    expect(tight).toMatchObject({ defaultRate: 0, limitedBy: "budget", expectedItems: expect.closeTo(10.5, 9) });
  });

  it("stops all but the floor on a day that starts at the pending cap, and fits the rest of the room otherwise", () => {
    expect(planDay(rule({ maxPending: 500 }), 0, history, 500)).toMatchObject({ defaultRate: 0, limitedBy: "pending_cap", stratumRates: { en: 0, de: 0 } });
    const roomy = planDay(rule({ maxPending: 500 }), 0, history, 450);
    expect(roomy.limitedBy).toBe("pending_cap");
    expect(roomy.expectedItems).toBeCloseTo(50, 9);
  });
});

describe("π is the true inclusion probability", () => {
  it("matches the empirical inclusion frequency of every stratum × priority cell over 60,000 synthetic outputs", () => {
    const sampling = rule({ rate: 0.04, strataBy: "model", quotaPerDay: 400, prioritySignals: ["thumbs_down"], priorityMultiplier: 3, explorationFloor: 0.01, signals: ["thumbs_down", "edit"] });
    const plan = planDay(sampling, 0.05, { days: 1, strata: [{ stratum: "small", outputs: 2_000, eligible: 1_500, prioritized: 300 }, { stratum: "large", outputs: 20_000, eligible: 15_000, prioritized: 3_000 }] }, 0);
    const outputs: StoredSamplingOutput[] = Array.from({ length: 60_000 }, (_, index) => ({
      id: index,
      externalId: `synthetic-${index}`,
      model: index % 3 === 0 ? "small" : index % 3 === 1 ? "large" : "unseen",
      tags: [],
      metadata: {},
      consent: true,
      contentHash: `hash-${index}`,
      signalKinds: index % 4 === 0 ? ["thumbs_down"] : index % 4 === 1 ? ["edit"] : [],
      minScore: null,
      day: "2026-12-01",
      isThreadEnd: true,
    }));
    const draws = planQueueItems([{ id: QUEUE_ID, rule: sampling, holdoutFraction: 0.05 }], outputs, () => plan);
    const taken = new Map(draws.map((draw) => [draw.output.id, draw]));
    const cells = new Map<string, { population: number; taken: number; pi: number; horvitzThompson: number }>();
    for (const output of outputs) {
      const stratum = output.model!;
      const isEligible = output.signalKinds.length > 0;
      const isPrioritized = output.signalKinds.includes("thumbs_down");
      const pi = inclusionProbability(mainProbability(sampling, rateForStratum(plan, stratum), isEligible, isPrioritized), 0.05);
      const key = `${stratum}/${isEligible}/${isPrioritized}`;
      const cell = cells.get(key) ?? { population: 0, taken: 0, pi, horvitzThompson: 0 };
      cell.population += 1;
      const draw = taken.get(output.id);
      if (draw) {
        expect(draw.inclusionProbability).toBe(pi);
        cell.taken += 1;
        cell.horvitzThompson += 1 / draw.inclusionProbability;
      }
      cells.set(key, cell);
    }
    expect(cells.size).toBe(9);
    for (const [key, cell] of cells) {
      const sd = Math.sqrt(cell.population * cell.pi * (1 - cell.pi));
      expect(Math.abs(cell.taken - cell.population * cell.pi), key).toBeLessThanOrEqual(4 * sd + 1e-9);
      // Σ 1/π over the cell's items estimates its size without bias.
      expect(Math.abs(cell.horvitzThompson - cell.population), key).toBeLessThanOrEqual((4 * sd) / cell.pi + 1e-9);
    }
  });
});
