import { describe, expect, it } from "vitest";
import type { MetricPoint } from "@/server/metrics/catalog";
import { computePsi, createRandom } from "@/server/quality";
import { runDetectors } from "./index";
import { drawMultinomial } from "./sampling";

const CATEGORIES = 10;
const SHARES = [0.2, 0.15, 0.12, 0.1, 0.1, 0.09, 0.08, 0.07, 0.05, 0.04];
const DRIFTED = [0.17, 0.14, 0.12, 0.1, 0.1, 0.09, 0.09, 0.08, 0.06, 0.05];

/** One input feature over daily windows of a fixed size, its shares switching at `onset`. */
function featureSeries(seed: number, size: number, onset = Infinity): MetricPoint[] {
  const random = createRandom(seed);
  return Array.from({ length: 60 }, (_, window) => {
    const counts = drawMultinomial(random, size, window >= onset ? DRIFTED : SHARES, new Float64Array(CATEGORIES));
    return {
      queueId: null,
      subject: "model",
      metric: "inputs.feature",
      granularity: "day",
      windowStart: new Date(Date.UTC(2026, 5, 1 + window)),
      sampleSize: size,
      value: null,
      detail: { counts: Object.fromEntries(Array.from(counts, (count, index) => [`model-${index}`, count])) },
    };
  });
}

/** The fixed rule "PSI > 0.1" against the same pooled reference of the first 7 windows. */
function psiRuleFires(points: readonly MetricPoint[]): boolean[] {
  const countsOf = (point: MetricPoint) => Array.from({ length: CATEGORIES }, (_, index) => (point.detail.counts as Record<string, number>)[`model-${index}`]!);
  const reference = points.slice(0, 7).reduce((sum, point) => sum.map((count, index) => count + countsOf(point)[index]!), new Array<number>(CATEGORIES).fill(0));
  return points.slice(7).map((point) => computePsi(reference, countsOf(point)).psi > 0.1);
}

const run = (points: MetricPoint[]) => runDetectors(points, { granularity: "day", queues: [], enabled: new Set(["input_drift"]) })[0]!;

describe("input drift against the fixed PSI rule", () => {
  it("at n = 100 an unchanged feature trips PSI > 0.1 on many windows; the null band for n = 100 never fires", () => {
    let psiFirings = 0;
    let windows = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const points = featureSeries(seed, 100);
      const rule = psiRuleFires(points);
      psiFirings += rule.filter(Boolean).length;
      windows += rule.length;
      expect(run(points).windows.some((window) => window.firing)).toBe(false);
    }
    expect(psiFirings / windows).toBeGreaterThan(0.2);
  });

  it("at n = 5,000 a real but small drift never trips PSI > 0.1; the null band for n = 5,000 catches it at once", () => {
    for (const seed of [1, 2, 3]) {
      const points = featureSeries(seed, 5000, 30);
      expect(psiRuleFires(points).some(Boolean)).toBe(false);
      const firing = run(points).windows.flatMap((window, index) => (window.firing ? [index] : []));
      expect(firing[0]).toBe(31);
      expect(firing.every((index) => index >= 30)).toBe(true);
    }
  });

  it("its band narrows as the window grows", () => {
    const upperAt = (size: number) => run(featureSeries(7, size)).windows[20]!.band.upper!;
    expect(upperAt(100)).toBeGreaterThan(2 * upperAt(5000));
  });
});
