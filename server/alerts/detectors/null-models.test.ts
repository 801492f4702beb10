import { describe, expect, it } from "vitest";
import type { MetricPoint } from "@/server/metrics/catalog";
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
import { runDetectors } from "./index";
import { conservativeRate, estimateDesignEffect, runBinomialCusum, testShare } from "./rates";
import { drawBinomial, drawMultinomial, drawNormal } from "./sampling";

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
      const draws = 20_000;
      for (let draw = 0; draw < draws; draw += 1) {
        const x = drawBinomial(random, n, p);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(n);
        sum += x;
        squares += x * x;
      }
      const mean = sum / draws;
      expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / draws));
      expect(Math.abs((squares / draws - mean * mean) / (n * p * (1 - p)) - 1)).toBeLessThan(0.05);
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

describe("the design effect of answers clustered by item", () => {
  /** One window of `items` items with `perItem` answers each, every answer a success with its item's probability. */
  function clusteredPoint(random: () => number, items: number, perItem: number, itemProbability: () => number): MetricPoint {
    let successes = 0;
    const clusters = { items, xx: 0, xn: 0, nn: 0 };
    for (let item = 0; item < items; item += 1) {
      const x = drawBinomial(random, perItem, itemProbability());
      successes += x;
      clusters.xx += x * x;
      clusters.xn += x * perItem;
      clusters.nn += perItem * perItem;
    }
    const trials = items * perItem;
    return { queueId: "queue", subject: "", metric: "labels.approval", granularity: "day", windowStart: new Date(0), sampleSize: trials, value: successes / trials, detail: { approved: successes, clusters } };
  }

  it("is 1 for independent answers, the cluster size for identical ones, and 1 + (m − 1)ρ in between", () => {
    const random = createRandom(31);
    const independent = Array.from({ length: 7 }, () => clusteredPoint(random, 40, 3, () => 0.6));
    expect(estimateDesignEffect(independent, 0.6)).toBeLessThan(1.15);
    const identical = Array.from({ length: 7 }, () => clusteredPoint(random, 40, 3, () => (random() < 0.6 ? 1 : 0)));
    expect(estimateDesignEffect(identical, 0.6)).toBeGreaterThan(2.7);
    expect(estimateDesignEffect(identical, 0.6)).toBeLessThanOrEqual(3);
    // Items good with 0.6, approved 0.9 if good and 0.1 if not: ρ = Var(p_i) / (p(1 − p)) = 0.6·0.4·0.8² / (0.58·0.42).
    const rho = (0.6 * 0.4 * 0.8 ** 2) / (0.58 * 0.42);
    const mixed = Array.from({ length: 70 }, () => clusteredPoint(random, 40, 3, () => (random() < 0.6 ? 0.9 : 0.1)));
    expect(estimateDesignEffect(mixed, 0.58)).toBeCloseTo(1 + 2 * rho, 1);
  });

  it("counts points written before the moments were kept as independent", () => {
    const random = createRandom(32);
    const point = clusteredPoint(random, 40, 3, () => (random() < 0.5 ? 1 : 0));
    expect(estimateDesignEffect([{ ...point, detail: { approved: point.detail.approved } }], 0.5)).toBe(1);
  });
});

describe("sequential charts have a long in-control run length", () => {
  it("the binomial CUSUMs, started from a noisy reference's Wilson bound, stay below 1 alarm in 10,000 windows", () => {
    const random = createRandom(21);
    let alarms = 0;
    let windows = 0;
    for (let replication = 0; replication < 100; replication += 1) {
      for (const [p, n] of [[0.65, 40], [0.05, 400], [0.3, 120]] as const) {
        const reference = { successes: drawBinomial(random, 7 * n, p), trials: 7 * n };
        const tallies = Array.from({ length: 365 }, () => ({ successes: drawBinomial(random, n, p), trials: n }));
        const rise = conservativeRate(reference, "rise");
        const fall = conservativeRate(reference, "fall");
        alarms += runBinomialCusum(tallies, rise, Math.min(2 * rise, (1 + rise) / 2)).alarms.filter(Boolean).length;
        alarms += runBinomialCusum(tallies, fall, fall / 2).alarms.filter(Boolean).length;
        windows += 2 * tallies.length;
      }
    }
    expect(alarms / windows).toBeLessThanOrEqual(1e-4);
  });

  it("agreement decay (window test and Page–Hinkley) stays silent over twenty healthy years", () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const random = createRandom(500 + seed);
      const points: MetricPoint[] = Array.from({ length: 365 }, (_, window) => {
        const items = 30 + Math.floor(random() * 31);
        const standardError = 0.45 / Math.sqrt(items);
        const alpha = 0.7 + standardError * drawNormal(random);
        return {
          queueId: "queue",
          subject: "",
          metric: "agreement.alpha",
          granularity: "day",
          windowStart: new Date(Date.UTC(2026, 0, 1 + window)),
          sampleSize: items,
          value: alpha,
          detail: { ci: [alpha - 1.96 * standardError, alpha + 1.96 * standardError] },
        };
      });
      const series = runDetectors(points, { granularity: "day", queues: [], enabled: new Set(["agreement_decay"]) });
      expect(series[0]!.windows.filter((window) => window.firing)).toEqual([]);
    }
  });

  it("the CUSUM catches a sustained shift and clears after recovery", () => {
    const shifted = Array.from({ length: 30 }, (_, window) => ({ successes: window >= 10 && window < 20 ? 12 : 5, trials: 100 }));
    const { alarms } = runBinomialCusum(shifted, 0.06, 0.12);
    expect(alarms.slice(0, 10).some(Boolean)).toBe(false);
    expect(alarms.slice(10, 14).some(Boolean)).toBe(true);
    expect(alarms.slice(26).some(Boolean)).toBe(false);
  });
});
