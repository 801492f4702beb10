import { describe, expect, it } from "vitest";
import { estimateShares, Z_95 } from "./production-share";
import { createRandom, type Random } from "./random";

/**
 * A synthetic production: three strata of different sizes and error rates, sampled as the queue samples
 * them (Poisson, a rate per stratum, a priority multiplier for outputs with negative feedback that are
 * more often wrong, a floor ε). The truth is the finite population's share, known exactly.
 */
function buildPopulation(random: Random) {
  const strata = [
    { size: 6_000, wrongShare: 0.08, rate: 0.02 },
    { size: 3_000, wrongShare: 0.2, rate: 0.05 },
    { size: 1_000, wrongShare: 0.4, rate: 0.15 },
  ];
  const outputs: { isWrong: boolean; pi: number }[] = [];
  for (const stratum of strata) {
    for (let index = 0; index < stratum.size; index += 1) {
      const isWrong = random() < stratum.wrongShare;
      // Wrong answers get a thumbs_down more often, and a thumbs_down multiplies the rate by 4.
      const hasNegativeSignal = random() < (isWrong ? 0.5 : 0.05);
      const pi = Math.max(0.01, Math.min(1, stratum.rate * (hasNegativeSignal ? 4 : 1)));
      outputs.push({ isWrong, pi });
    }
  }
  return outputs;
}

describe("estimateShares", () => {
  it("is the Hájek ratio with the linearised Poisson variance, on a hand-checked sample", () => {
    const draws = [
      { value: "wrong", inclusionProbability: 0.5 },
      { value: "ok", inclusionProbability: 0.25 },
      { value: "ok", inclusionProbability: 1 },
    ];
    const [wrong, ok, unseen] = estimateShares(draws, ["wrong", "ok", "unseen"]);
    // N̂ = 2 + 4 + 1 = 7; p̂_wrong = 2/7.
    expect(wrong!.share).toBeCloseTo(2 / 7, 12);
    const p = 2 / 7;
    const variance = ((1 - 0.5) / 0.25) * (1 - p) ** 2 + ((1 - 0.25) / 0.0625) * p ** 2 + 0;
    expect(wrong!.standardError).toBeCloseTo(Math.sqrt(variance) / 7, 12);
    expect(wrong!.margin).toBeCloseTo(Z_95 * wrong!.standardError, 12);
    expect(ok!.share).toBeCloseTo(5 / 7, 12);
    expect(ok!.items).toBe(2);
    expect(unseen).toMatchObject({ share: 0, items: 0, margin: 0 });
    expect(estimateShares([], ["wrong"])).toEqual([]);
  });

  it("covers the true production share with its 95 % interval in 93–97 % of 2,000 seeded samples", () => {
    const population = buildPopulation(createRandom(20261201));
    const truth = population.filter((output) => output.isWrong).length / population.length;
    const replicates = 2_000;
    let covered = 0;
    let sumOfEstimates = 0;
    for (let seed = 1; seed <= replicates; seed += 1) {
      const random = createRandom(seed);
      const sample = population.filter((output) => random() < output.pi).map((output) => ({ value: output.isWrong ? "wrong" : "ok", inclusionProbability: output.pi }));
      const [wrong] = estimateShares(sample, ["wrong"]);
      sumOfEstimates += wrong!.share;
      if (wrong!.lower <= truth && truth <= wrong!.upper) covered += 1;
    }
    const coverage = covered / replicates;
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
    // The unweighted share of the sample is far off (priority over-samples wrong answers); the estimate is not.
    expect(Math.abs(sumOfEstimates / replicates - truth)).toBeLessThan(0.003);
  });
});
