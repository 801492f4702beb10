import { describe, expect, it } from "vitest";
import { scanDetector } from "./detector";
import { createPageHinkley, updatePageHinkley } from "./page-hinkley";

const zerosThenOnes = [...Array<number>(100).fill(0), ...Array<number>(100).fill(1)];

describe("Page–Hinkley", () => {
  it("raises the first alarm at index 166 on 100 zeros then 100 ones", () => {
    const { alarms, state } = scanDetector(createPageHinkley(), zerosThenOnes, updatePageHinkley);
    expect(alarms).toEqual([166]);
    expect(state.seen).toBe(200);
  });

  it("survives a JSON round trip between every observation", () => {
    let state = createPageHinkley();
    const alarms: number[] = [];
    for (const value of zerosThenOnes) {
      const step = updatePageHinkley(JSON.parse(JSON.stringify(state)), value);
      if (step.alarm) alarms.push(step.index);
      state = step.state;
    }
    expect(alarms).toEqual([166]);
  });

  it("reports the statistic that fired and restarts after an alarm", () => {
    let state = createPageHinkley({ threshold: 1, minInstances: 1 });
    state = updatePageHinkley(state, 0).state;
    const step = updatePageHinkley(state, 10);
    expect(step.alarm).toBe(true);
    expect(step.statistic).toBeCloseTo(10 - 5 - 0.005, 12);
    expect(step.state).toMatchObject({ count: 0, mean: 0, statistic: 0, seen: 2 });
  });

  it("waits for minInstances before alarming", () => {
    const { alarms } = scanDetector(createPageHinkley({ threshold: 0.5, minInstances: 5 }), [0, 10, 10, 10, 10], updatePageHinkley);
    expect(alarms).toEqual([4]);
  });
});
