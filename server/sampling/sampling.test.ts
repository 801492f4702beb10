import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { samplingRuleSchema, type SamplingRule } from "@/server/queues/schema";
import { drawHoldout, drawUniform } from "./draw";
import { inclusionProbability, mainProbability } from "./rates";
import { isDormant, isUniformSamplingRule, matchesRule, planQueueItems, type SamplingQueue, type StoredSamplingOutput } from "./rule";

const QUEUE_ID = "6f1c1f4e-2c3a-4f57-9a57-0d6c3c1b7a11";
const rule = (overrides: Partial<SamplingRule> = {}): SamplingRule => samplingRuleSchema.parse({ rate: 1, ...overrides });
const output = (overrides: Partial<StoredSamplingOutput> = {}): StoredSamplingOutput => ({
  id: 1,
  externalId: "out-1",
  model: "gpt-5-mini",
  tags: ["support", "web"],
  metadata: { locale: "en", tier: 2, beta: true },
  consent: true,
  contentHash: "hash-1",
  signalKinds: [],
  minScore: null,
  day: "2026-12-01",
  isThreadEnd: true,
  ...overrides,
});

describe("drawUniform", () => {
  it("is the first 8 bytes of sha256(queue:external) over 2^64, the same on every call", () => {
    const digest = createHash("sha256").update(`${QUEUE_ID}:out-1`).digest();
    const expected = Number(digest.readBigUInt64BE(0)) / 2 ** 64;
    expect(drawUniform(QUEUE_ID, "out-1")).toBeCloseTo(expected, 15);
    expect(drawUniform(QUEUE_ID, "out-1")).toBe(drawUniform(QUEUE_ID, "out-1"));
    expect(drawUniform(QUEUE_ID, "out-2")).not.toBe(drawUniform(QUEUE_ID, "out-1"));
    expect(drawUniform("another-queue", "out-1")).not.toBe(drawUniform(QUEUE_ID, "out-1"));
  });

  it("spreads uniformly over [0, 1): the share below a rate is close to the rate", () => {
    const draws = Array.from({ length: 20_000 }, (_, index) => drawUniform(QUEUE_ID, `out-${index}`));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    for (const rate of [0.1, 0.3, 0.5, 0.9]) {
      const share = draws.filter((draw) => draw < rate).length / draws.length;
      // Four standard deviations of a binomial share over 20,000 draws.
      expect(Math.abs(share - rate)).toBeLessThan(4 * Math.sqrt((rate * (1 - rate)) / draws.length));
    }
  });
});

describe("matchesRule", () => {
  it("matches everything with an empty filter, but never an output without consent", () => {
    expect(matchesRule(rule(), output(), [])).toBe(true);
    expect(matchesRule(rule(), output({ consent: false }), [])).toBe(false);
  });

  it("takes any of the listed models, and no output without a model", () => {
    expect(matchesRule(rule({ models: ["gpt-4o", "gpt-5-mini"] }), output(), [])).toBe(true);
    expect(matchesRule(rule({ models: ["gpt-4o"] }), output(), [])).toBe(false);
    expect(matchesRule(rule({ models: ["gpt-4o"] }), output({ model: null }), [])).toBe(false);
  });

  it("needs every listed tag", () => {
    expect(matchesRule(rule({ tags: ["support"] }), output(), [])).toBe(true);
    expect(matchesRule(rule({ tags: ["support", "web"] }), output(), [])).toBe(true);
    expect(matchesRule(rule({ tags: ["support", "mobile"] }), output(), [])).toBe(false);
  });

  it("compares metadata by strict equality, key by key", () => {
    expect(matchesRule(rule({ metadata: { locale: "en", tier: 2, beta: true } }), output(), [])).toBe(true);
    expect(matchesRule(rule({ metadata: { tier: "2" } }), output(), [])).toBe(false);
    expect(matchesRule(rule({ metadata: { beta: false } }), output(), [])).toBe(false);
    expect(matchesRule(rule({ metadata: { region: "eu" } }), output(), [])).toBe(false);
    expect(matchesRule(rule({ metadata: { toString: "x" } }), output(), [])).toBe(false);
  });

  it("with signals, needs at least one signal of a listed kind", () => {
    const onNegative = rule({ signals: ["thumbs_down", "regenerate"] });
    expect(matchesRule(onNegative, output(), [])).toBe(false);
    expect(matchesRule(onNegative, output(), ["thumbs_up"])).toBe(false);
    expect(matchesRule(onNegative, output(), ["thumbs_up", "regenerate"])).toBe(true);
  });
});

/** Plans that give every stratum its queue's base rate, as a day without history does. */
const basePlans = (queues: readonly SamplingQueue[]) => (queueId: string) => ({
  defaultRate: queues.find((queue) => queue.id === queueId)!.rule.rate,
  stratumRates: {},
  expectedItems: 0,
  limitedBy: null,
});
const draw = (queues: SamplingQueue[], candidates: StoredSamplingOutput[]) => planQueueItems(queues, candidates, basePlans(queues));

describe("planQueueItems", () => {
  const outputs = Array.from({ length: 5_000 }, (_, index) => output({ id: index, externalId: `out-${index}`, contentHash: `hash-${index}` }));

  it("draws per queue at the rule's rate, storing the rate as π, the same set on replay", () => {
    const queues = [
      { id: QUEUE_ID, rule: rule({ rate: 0.3 }), holdoutFraction: 0 },
      { id: "1b7c9a52-5d0e-4f3a-8a3e-2f9f4c6d8e01", rule: rule({ rate: 0.3 }), holdoutFraction: 0 },
    ];
    const planned = draw(queues, outputs);
    const first = planned.filter((item) => item.queueId === QUEUE_ID);
    expect(Math.abs(first.length / outputs.length - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / outputs.length));
    expect(new Set(first.map((item) => item.inclusionProbability))).toEqual(new Set([0.3]));
    expect(first.every((item) => drawUniform(QUEUE_ID, item.output.externalId) < 0.3)).toBe(true);
    expect(draw(queues, outputs)).toEqual(planned);
    // Two queues with the same rate draw independently, so they take different sets.
    const second = new Set(planned.filter((item) => item.queueId !== QUEUE_ID).map((item) => item.output.id));
    expect(first.filter((item) => second.has(item.output.id)).length).toBeLessThan(first.length);
  });

  it("takes every matching output at rate 1 and none at rate 0", () => {
    expect(draw([{ id: QUEUE_ID, rule: rule({ rate: 1 }), holdoutFraction: 0 }], outputs)).toHaveLength(outputs.length);
    expect(draw([{ id: QUEUE_ID, rule: rule({ rate: 0 }), holdoutFraction: 0 }], outputs)).toHaveLength(0);
    expect(draw([{ id: QUEUE_ID, rule: rule({ rate: 1, tags: ["mobile"] }), holdoutFraction: 0 }], outputs)).toHaveLength(0);
  });

  it("draws a holdout slice of the population apart from the main draw, ignoring the signal filter, with π = P(main or holdout)", () => {
    const onNegative = { id: QUEUE_ID, rule: rule({ rate: 0.5, signals: ["thumbs_down"] }), holdoutFraction: 0.2 };
    const withSignal = outputs.map((candidate, index) => (index % 2 === 0 ? { ...candidate, signalKinds: ["thumbs_down"] } : candidate));
    const planned = draw([onNegative], withSignal);
    const holdout = planned.filter((item) => item.isHoldout);
    expect(Math.abs(holdout.length / outputs.length - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / outputs.length));
    expect(holdout.every((item) => drawHoldout(QUEUE_ID, item.output.externalId) < 0.2)).toBe(true);
    // Outputs without the signal enter through the holdout only, at π = h; with it, π = 1 − (1 − r)(1 − h).
    for (const item of planned) {
      const hasSignal = item.output.signalKinds.includes("thumbs_down");
      expect(item.inclusionProbability).toBe(hasSignal ? 1 - 0.5 * 0.8 : 0.2);
      if (!hasSignal) expect(item.isHoldout).toBe(true);
    }
    const withoutSignalShare = holdout.filter((item) => item.output.signalKinds.length === 0).length / holdout.length;
    expect(Math.abs(withoutSignalShare - 0.5)).toBeLessThan(0.1);
  });

  it("keeps π exact at the edges: h = 0 gives the rate, r = 1 gives 1", () => {
    const plain = rule();
    expect(inclusionProbability(mainProbability(plain, 0.3, true, false), 0)).toBe(0.3);
    expect(inclusionProbability(mainProbability(plain, 0.3, false, false), 0)).toBe(0);
    expect(inclusionProbability(mainProbability(plain, 1, true, false), 0.1)).toBe(1);
    expect(inclusionProbability(mainProbability(plain, 0.3, false, false), 0.1)).toBe(0.1);
    expect(inclusionProbability(mainProbability(plain, 0.5, true, false), 0.5)).toBe(0.75);
  });
});

describe("isDormant", () => {
  it("skips a queue no plan can draw from, and only that", () => {
    expect(isDormant({ id: QUEUE_ID, rule: rule({ rate: 0 }), holdoutFraction: 0 })).toBe(true);
    expect(isDormant({ id: QUEUE_ID, rule: rule({ rate: 0, quotaPerDay: 5 }), holdoutFraction: 0 })).toBe(false);
    expect(isDormant({ id: QUEUE_ID, rule: rule({ rate: 0, explorationFloor: 0.01 }), holdoutFraction: 0 })).toBe(false);
    expect(isDormant({ id: QUEUE_ID, rule: rule({ rate: 0 }), holdoutFraction: 0.1 })).toBe(false);
  });
});

describe("isUniformSamplingRule", () => {
  it("is true while every output of the population gets the same π, false once a filter, quota, priority or thread rule tilts it", () => {
    const uniform = { rate: 0.3, explorationFloor: 0.05, dailyBudget: 200, maxPending: 500 };
    expect(isUniformSamplingRule(samplingRuleSchema.parse(uniform))).toBe(true);
    expect(isUniformSamplingRule(samplingRuleSchema.parse({ ...uniform, strataBy: "model" }))).toBe(true);
    expect(isUniformSamplingRule(samplingRuleSchema.parse({ ...uniform, signals: ["thumbs_down"] }))).toBe(false);
    expect(isUniformSamplingRule(samplingRuleSchema.parse({ ...uniform, strataBy: "model", quotaPerDay: 20 }))).toBe(false);
    expect(isUniformSamplingRule(samplingRuleSchema.parse({ ...uniform, prioritySignals: ["thumbs_down"], priorityMultiplier: 3 }))).toBe(false);
    expect(isUniformSamplingRule(samplingRuleSchema.parse({ ...uniform, thread: "last_turn" }))).toBe(false);
  });
});
