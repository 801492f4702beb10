import { describe, expect, it } from "vitest";
import { estimateHajekMean, estimateHorvitzThompsonTotal } from "./estimators";
import { createRandom } from "./random";

describe("design-weighted estimators", () => {
  it("compute Horvitz–Thompson totals and Hájek rates", () => {
    const values = [1, 0, 1];
    const probabilities = [0.5, 0.25, 0.1];
    const total = estimateHorvitzThompsonTotal(values, probabilities);
    expect(total.estimate).toBeCloseTo(2 + 10, 12);
    expect(total.estimatedPopulation).toBeCloseTo(2 + 4 + 10, 12);
    expect(total.standardError).toBeCloseTo(Math.sqrt(0.5 / 0.25 + 0.9 / 0.01), 12);
    expect(estimateHajekMean(values, probabilities).estimate).toBeCloseTo(12 / 16, 12);
  });

  it("recover the population rate under Poisson sampling", () => {
    const random = createRandom(42);
    const values: number[] = [];
    const probabilities: number[] = [];
    let populationPositives = 0;
    for (let item = 0; item < 200_000; item += 1) {
      const isPositive = item % 5 === 0 ? 1 : 0;
      populationPositives += isPositive;
      // Positives are over-sampled, so a plain sample mean would be biased.
      const probability = isPositive ? 0.2 : 0.02;
      if (random() < probability) {
        values.push(isPositive);
        probabilities.push(probability);
      }
    }
    const hajek = estimateHajekMean(values, probabilities);
    expect(Math.abs(hajek.estimate - populationPositives / 200_000)).toBeLessThan(3 * hajek.standardError);
    const total = estimateHorvitzThompsonTotal(values, probabilities);
    expect(Math.abs(total.estimate - populationPositives)).toBeLessThan(3 * total.standardError);
  });

  it("rejects invalid probabilities", () => {
    expect(() => estimateHorvitzThompsonTotal([1], [0])).toThrow(RangeError);
    expect(() => estimateHajekMean([1, 2], [0.5])).toThrow(RangeError);
  });
});
