import type { MetricPoint } from "@/server/metrics/catalog";
import { createPageHinkley, updatePageHinkley } from "@/server/quality";
import { buildSeries, queueScopeKey, type Detector } from "./detector";
import { normalCdf, normalQuantile } from "./distributions";
import { WINDOW_LEVEL } from "./levels";
import { groupPoints, judgeSeries, markFiring, type WindowVerdict } from "./series";

const MIN_SAMPLE_SIZE = 20;
/** z of a 95% interval: the metric stores α's 95% bootstrap interval. */
const Z_CI = 1.959963984540054;
/**
 * Page–Hinkley on standardised drops: with δ = 0.5 and λ = 8 it behaves like a Gaussian CUSUM with
 * k = 0.5, h = 8, whose in-control run length is about 19,000 windows (Siegmund's approximation).
 */
const PAGE_HINKLEY = { minInstances: 3, delta: 0.5, threshold: 8, alpha: 1 };

type AlphaWindow = { alpha: number; standardError: number };

function readAlpha(point: MetricPoint): AlphaWindow | null {
  const { ci } = point.detail as { ci?: unknown };
  if (point.value === null || !Array.isArray(ci) || ci.length !== 2) return null;
  const [low, high] = ci as unknown[];
  if (typeof low !== "number" || typeof high !== "number" || !Number.isFinite(low) || !Number.isFinite(high) || high < low) return null;
  return { alpha: point.value, standardError: (high - low) / (2 * Z_CI) };
}

const poolAlphas = (points: readonly MetricPoint[]): AlphaWindow[] | null => {
  const windows = points.flatMap((point) => readAlpha(point) ?? []);
  return windows.length >= 2 ? windows : null;
};

/**
 * The null for a window's α: the reference mean, with the window's own bootstrap error, the
 * between-window variation the reference shows beyond its bootstrap errors, and the error of the mean.
 */
function nullSpread(window: AlphaWindow, reference: readonly AlphaWindow[]): { mean: number; spread: number } {
  const size = reference.length;
  const mean = reference.reduce((sum, each) => sum + each.alpha, 0) / size;
  const variance = reference.reduce((sum, each) => sum + (each.alpha - mean) ** 2, 0) / (size - 1);
  const bootstrapVariance = reference.reduce((sum, each) => sum + each.standardError ** 2, 0) / size;
  const between = Math.max(0, variance - bootstrapVariance);
  return { mean, spread: Math.max(1e-6, Math.sqrt(window.standardError ** 2 + between + variance / size)) };
}

/** Annotators agreeing less and less with each other: Krippendorff's α per window and its trend. */
export const agreementDecay: Detector = {
  definition: {
    id: "agreement_decay",
    title: "Agreement decay",
    summary: "Krippendorff's α between annotators falls below the reference windows' level, suddenly or as a sustained drift.",
    formula:
      "z_t = (α_t − ᾱ_ref) / σ_t, σ_t² = se_t² + τ² + s_ref²/R, se_t = (ci_high − ci_low)/(2·1.96), τ² = max(0, s_ref² − mean se_ref²). p_t = Φ(z_t); beyond when p_t ≤ 0.001, fires on 2 consecutive beyond windows, or when Page–Hinkley on −z_t (δ = 0.5, λ = 8) alarms.",
    inputs: ["agreement.alpha"],
    minSampleSize: MIN_SAMPLE_SIZE,
    nullModel:
      "Normal with the window's own bootstrap standard error (from the metric's 95% bootstrap interval at this window's size), plus the between-window variation and the error of the reference mean; Page–Hinkley on the standardised drops has an in-control run length of about 19,000 windows.",
    defaultThreshold: "p ≤ 0.001 in 2 consecutive windows, or Page–Hinkley > 8; reference = first 7 windows with ≥ 20 pairable items",
    usesHoldout: false,
  },
  detect(input) {
    return [...groupPoints(input.pointsOf("agreement.alpha")).values()].map((points) => {
      const { queueId, subject } = points[0]!;
      const scopeKey = subject === "" ? queueScopeKey(queueId) : `${queueScopeKey(queueId)}/field:${subject}`;
      const drops = new Map<MetricPoint, number>();
      const judged = judgeSeries<AlphaWindow[]>(points, {
        scopeKey: `agreement_decay/${scopeKey}`,
        minSampleSize: MIN_SAMPLE_SIZE,
        referenceWindows: input.referenceWindows,
        pool: poolAlphas,
        judge: (point, reference): WindowVerdict | null => {
          const window = readAlpha(point);
          if (!window) return null;
          const { mean, spread } = nullSpread(window, reference);
          drops.set(point, (mean - window.alpha) / spread);
          return {
            statistic: window.alpha,
            band: { lower: mean + normalQuantile(WINDOW_LEVEL) * spread, upper: null },
            pValue: normalCdf((window.alpha - mean) / spread),
          };
        },
      });
      let detector = createPageHinkley(PAGE_HINKLEY);
      const alarms = points.map((point, index) => {
        const drop = drops.get(point);
        if (!judged.isMonitored[index] || drop === undefined) return false;
        const step = updatePageHinkley(detector, drop);
        detector = step.state;
        return step.alarm;
      });
      return buildSeries("agreement_decay", input, { queueId, subject, scopeKey }, ["agreement.alpha"], "Krippendorff's α", markFiring(judged, alarms));
    });
  },
};
