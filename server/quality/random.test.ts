import { describe, expect, it } from "vitest";
import { createRandom, drawInteger } from "./random";

describe("createRandom", () => {
  it("repeats for a seed and differs across seeds", () => {
    const first = createRandom(123);
    const again = createRandom(123);
    const other = createRandom(124);
    const a = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => again())).toEqual(a);
    expect(Array.from({ length: 5 }, () => other())).not.toEqual(a);
  });

  it("is uniform enough for resampling", () => {
    const random = createRandom(9);
    const counts = new Array<number>(10).fill(0);
    for (let draw = 0; draw < 100_000; draw += 1) counts[drawInteger(random, 10)]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
