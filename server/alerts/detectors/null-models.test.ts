import { describe, expect, it } from "vitest";
import { createRandom } from "@/server/quality";
import { testCategoricalShift } from "./categorical";
import {
  betaBinomialPmf,
  binomialUpperTail,
  chiSquareQuantile,
  logGamma,
  normalCdf,
  normalQuantile,
  studentTQuantile,
  studentTUpperTail,
} from "./distributions";
import { seedFor } from "./monte-carlo";
import { testShare } from "./rates";
import { drawBinomial, drawMultinomial } from "./sampling";

const choose = (n: number, k: number): number => Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1));

describe("tails", () => {
  it("binomial tail matches the direct sum", () => {
    for (const [k, n, p] of [[3, 10, 0.2], [29, 30, 0.75], [0, 5, 0.5], [40, 40, 0.9], [120, 400, 0.25]] as const) {
      let direct = 0;
      for (let j = k; j <= n; j += 1) direct += choose(n, j) * p ** j * (1 - p) ** (n - j);
      expect(binomialUpperTail(k, n, p)).toBeCloseTo(direct, 10);
    }
  });

  it("normal, t and χ² quantiles agree with published tables", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalCdf(-3.090232)).toBeCloseTo(0.001, 6);
    expect(studentTUpperTail(2.447, 6)).toBeCloseTo(0.025, 4);
    expect(studentTQuantile(0.001, 6)).toBeCloseTo(5.2076, 3);
    // Wilson–Hilferty is a display-band approximation: within 2% at small df.
    expect(Math.abs(chiSquareQuantile(0.999, 3) / 16.266 - 1)).toBeLessThan(0.02);
  });

  it("the beta-binomial predictive law sums to 1 and is wider than the binomial", () => {
    const pmf = betaBinomialPmf(30, 150, 200);
    expect(pmf.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 10);
    const mean = pmf.reduce((sum, p, k) => sum + p * k, 0);
    const variance = pmf.reduce((sum, p, k) => sum + p * (k - mean) ** 2, 0);
    expect(mean).toBeCloseTo((30 * 150.5) / 201, 6);
    expect(variance).toBeGreaterThan(30 * 0.75 * 0.25);
  });
});

describe("samplers", () => {
  it("draws binomials with the right mean and variance, small and large", () => {
    const random = createRandom(5);
    for (const [n, p] of [[7, 0.3], [315, 0.3], [40, 0.02], [20_000, 0.4]] as const) {
      let sum = 0;
      let squares = 0;
      const draws = 40_000;
      for (let draw = 0; draw < draws; draw += 1) {
        const x = drawBinomial(random, n, p);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(n);
        sum += x;
        squares += x * x;
      }
      const mean = sum / draws;
      expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / draws));
      expect(Math.abs((squares / draws - mean * mean) / (n * p * (1 - p)) - 1)).toBeLessThan(0.04);
    }
  });

  it("multinomial draws keep their total", () => {
    const random = createRandom(6);
    const into = new Float64Array(4);
    for (let draw = 0; draw < 1000; draw += 1) expect(drawMultinomial(random, 57, [0.1, 0.2, 0.3, 0.4], into).reduce((a, b) => a + b, 0)).toBe(57);
  });

  it("seeds depend on scope and window only", () => {
    const window = new Date("2026-06-01T00:00:00Z");
    expect(seedFor("queue:a", window)).toBe(seedFor("queue:a", new Date(window)));
    expect(seedFor("queue:a", window)).not.toBe(seedFor("queue:b", window));
  });
});

/** Fraction of p-values at or below each level, over independent null replications. */
function rejectionRates(pValues: readonly number[], levels: readonly number[]): number[] {
  return levels.map((level) => pValues.filter((p) => p <= level).length / pValues.length);
}

describe("null models hold their level at the window's size, reference noise included", () => {
  it("categorical shift test (Monte Carlo, JSD and entropy drop)", () => {
    const random = createRandom(11);
    const shares = [0.4, 0.3, 0.2, 0.1];
    const toCounts = (draw: Float64Array) => Object.fromEntries(Array.from(draw, (count, index) => [`v${index}`, count]));
    const pValues: number[] = [];
    for (let replication = 0; replication < 1500; replication += 1) {
      const window = toCounts(drawMultinomial(random, 40, shares, new Float64Array(4)));
      const reference = toCounts(drawMultinomial(random, 280, shares, new Float64Array(4)));
      pValues.push(testCategoricalShift(window, reference, { divergence: true, entropyDrop: true }, replication)!.verdict.pValue!);
    }
    const [at05, at10] = rejectionRates(pValues, [0.05, 0.1]);
    expect(at05).toBeLessThanOrEqual(0.05 + 0.015);
    expect(at10).toBeLessThanOrEqual(0.1 + 0.02);
  });

  it("share test (beta-binomial predictive)", () => {
    const random = createRandom(12);
    const pValues: number[] = [];
    for (let replication = 0; replication < 3000; replication += 1) {
      const window = { successes: drawBinomial(random, 30, 0.7), trials: 30 };
      const reference = { successes: drawBinomial(random, 210, 0.7), trials: 210 };
      pValues.push(testShare(window, reference, ["upper"]).pValue!);
    }
    const [at01, at05] = rejectionRates(pValues, [0.01, 0.05]);
    expect(at01).toBeLessThanOrEqual(0.01 + 0.005);
    expect(at05).toBeLessThanOrEqual(0.05 + 0.01);
  });
});
