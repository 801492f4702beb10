import { describe, expect, it } from "vitest";
import { createBernoulliCusum, updateBernoulliCusum } from "./cusum";
import { scanDetector } from "./detector";

describe("Bernoulli CUSUM", () => {
  const params = { p0: 0.1, p1: 0.3, threshold: 2 };
  const up = Math.log(3);
  const down = Math.log(0.7 / 0.9);

  it("accumulates log-likelihood ratios and floors at zero", () => {
    let state = createBernoulliCusum(params);
    let step = updateBernoulliCusum(state, 1);
    expect(step.statistic).toBeCloseTo(up, 12);
    state = step.state;
    step = updateBernoulliCusum(state, 0);
    expect(step.statistic).toBeCloseTo(up + down, 12);
    step = updateBernoulliCusum(createBernoulliCusum(params), 0);
    expect(step.statistic).toBe(0);
  });

  it("alarms when the statistic passes h, reports the index, and restarts", () => {
    // ln 3 ≈ 1.0986: two failures in a row exceed h = 2.
    const { alarms, state } = scanDetector(createBernoulliCusum(params), [0, 0, 1, 1, 0, 1, 1], updateBernoulliCusum);
    expect(alarms).toEqual([3, 6]);
    expect(state).toMatchObject({ statistic: 0, seen: 7 });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("validates its parameters and outcomes", () => {
    expect(() => createBernoulliCusum({ p0: 0.1, p1: 0.1, threshold: 1 })).toThrow(RangeError);
    expect(() => createBernoulliCusum({ p0: 0, p1: 0.2, threshold: 1 })).toThrow(RangeError);
    expect(() => updateBernoulliCusum(createBernoulliCusum(params), 0.5)).toThrow(RangeError);
  });
});
