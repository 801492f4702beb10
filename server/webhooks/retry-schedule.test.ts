import { describe, expect, it } from "vitest";
import { nextRetryDelayMs } from "./retry-schedule";

const schedule = [5_000, 300_000, 1_800_000];

describe("nextRetryDelayMs", () => {
  it("follows the schedule, one step per failed attempt, within ±20% jitter", () => {
    expect(nextRetryDelayMs(1, schedule, 0.5)).toBe(5_000);
    expect(nextRetryDelayMs(2, schedule, 0)).toBe(240_000);
    expect(nextRetryDelayMs(3, schedule, 0.999_999)).toBeCloseTo(2_160_000, -1);
  });

  it("gives up once every retry is spent", () => {
    expect(nextRetryDelayMs(4, schedule, 0.5)).toBeNull();
  });

  it("spreads retries: two random draws seldom wait the same", () => {
    const delays = new Set(Array.from({ length: 20 }, (_, index) => nextRetryDelayMs(1, schedule, index / 20)));
    expect(delays.size).toBe(20);
  });
});
