import { describe, expect, it } from "vitest";
import { drawBinomial, drawMultinomial } from "./binomial";
import { createRandom } from "./random";

/** Exact Binomial(n, p) probabilities. */
function binomialPmf(trials: number, probability: number): number[] {
  const pmf: number[] = [];
  let logChoose = 0;
  for (let k = 0; k <= trials; k += 1) {
    if (k > 0) logChoose += Math.log(trials - k + 1) - Math.log(k);
    pmf.push(Math.exp(logChoose + k * Math.log(probability) + (trials - k) * Math.log1p(-probability)));
  }
  return pmf;
}

/** Pearson's χ² of seeded draws against the exact distribution, over cells expected to hold at least 20 draws. */
function chiSquared(trials: number, probability: number, draws: number): { statistic: number; cells: number } {
  const random = createRandom(11);
  const observed = new Float64Array(trials + 1);
  for (let draw = 0; draw < draws; draw += 1) observed[drawBinomial(random, trials, probability)]! += 1;
  const pmf = binomialPmf(trials, probability);
  let statistic = 0;
  let cells = 0;
  pmf.forEach((share, k) => {
    const expected = share * draws;
    if (expected < 20) return;
    statistic += (observed[k]! - expected) ** 2 / expected;
    cells += 1;
  });
  return { statistic, cells };
}

describe("drawBinomial", () => {
  // χ² with ~df degrees of freedom stays below df + 4·sqrt(2·df) with overwhelming probability; the draws are seeded.
  it.each([
    [40, 0.1, "inversion"],
    [60, 0.3, "transformed rejection"],
    [1000, 0.02, "transformed rejection, small p"],
    [500, 0.8, "p above one half, by symmetry"],
  ])("matches the exact distribution for n = %i, p = %f (%s)", (trials, probability) => {
    const { statistic, cells } = chiSquared(trials, probability, 200_000);
    expect(cells).toBeGreaterThan(3);
    expect(statistic).toBeLessThan(cells + 4 * Math.sqrt(2 * cells));
  });

  it("has mean n·p and variance n·p·(1 − p) for large n", () => {
    const random = createRandom(5);
    const draws = Array.from({ length: 50_000 }, () => drawBinomial(random, 100_000, 0.031));
    const mean = draws.reduce((sum, draw) => sum + draw, 0) / draws.length;
    const variance = draws.reduce((sum, draw) => sum + (draw - mean) ** 2, 0) / (draws.length - 1);
    expect(mean).toBeCloseTo(3100, 0);
    expect(variance / (100_000 * 0.031 * 0.969)).toBeCloseTo(1, 1);
  });

  it("handles the edges", () => {
    const random = createRandom(1);
    expect([drawBinomial(random, 0, 0.5), drawBinomial(random, 10, 0), drawBinomial(random, 10, 1)]).toEqual([0, 0, 10]);
  });
});

describe("drawMultinomial", () => {
  it("always spends every draw and keeps each class's mean at its share", () => {
    const random = createRandom(3);
    const weights = Float64Array.from([5000, 1, 0, 300, 42, 4657]);
    const counts = new Float64Array(weights.length);
    const sums = new Float64Array(weights.length);
    for (let replicate = 0; replicate < 2000; replicate += 1) {
      drawMultinomial(random, weights, counts);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(10_000);
      expect(counts[2]).toBe(0);
      counts.forEach((count, index) => (sums[index]! += count));
    }
    weights.forEach((weight, index) => expect(sums[index]! / 2000).toBeCloseTo(weight, weight > 1000 ? -1 : 0));
  });
});
