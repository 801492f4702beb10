import { buildCoincidences, computeDisagreement } from "./coincidences";
import { createRandom, drawInteger } from "./random";
import type { MeasurementLevel, ReliabilityData } from "./reliability-data";

export type KrippendorffResult = {
  level: MeasurementLevel;
  /** NaN when there is no variation to disagree about (expected disagreement 0). */
  alpha: number;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** Units with at least two values; only these count. */
  pairableUnits: number;
  /** n: the number of values in pairable units. */
  pairableValues: number;
  /** Distinct values in ascending order, and how often each occurs in pairable units (n_c). */
  values: Float64Array;
  valueCounts: Float64Array;
};

export type BootstrapOptions = {
  /** Default 1000. */
  replicates?: number;
  /** Two-sided coverage of the percentile interval (default 0.95). */
  confidence?: number;
  /** PRNG seed, so the interval is reproducible (default 1). */
  seed?: number;
};

export type BootstrapInterval = {
  lower: number;
  upper: number;
  confidence: number;
  replicates: number;
  /** Replicates with a defined α; resamples without variation are skipped. */
  validReplicates: number;
  seed: number;
};

/** Krippendorff's α at the given level, with missing values allowed. */
export function computeKrippendorffAlpha(data: ReliabilityData, level: MeasurementLevel): KrippendorffResult {
  const coincidences = buildCoincidences(data);
  const disagreement = computeDisagreement(coincidences, level);
  return {
    level,
    alpha: disagreement.alpha,
    observedDisagreement: disagreement.observed,
    expectedDisagreement: disagreement.expected,
    pairableUnits: coincidences.pairableUnits,
    pairableValues: disagreement.pairableValues,
    values: coincidences.values,
    valueCounts: disagreement.valueCounts,
  };
}

/**
 * Percentile bootstrap interval for α, resampling pairable units with replacement. Each replicate
 * recomputes the expected disagreement (and the ordinal metric) from its own values.
 */
export function bootstrapKrippendorffAlpha(
  data: ReliabilityData,
  level: MeasurementLevel,
  options: BootstrapOptions = {},
): BootstrapInterval {
  const replicates = options.replicates ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 1;
  const coincidences = buildCoincidences(data);
  const random = createRandom(seed);
  const unitCount = coincidences.pairableUnits;
  const draws = new Float64Array(unitCount);
  const alphas: number[] = [];
  for (let replicate = 0; replicate < replicates; replicate += 1) {
    draws.fill(0);
    for (let draw = 0; draw < unitCount; draw += 1) draws[drawInteger(random, unitCount)]! += 1;
    const { alpha } = computeDisagreement(coincidences, level, draws);
    if (!Number.isNaN(alpha)) alphas.push(alpha);
  }
  return summariseBootstrap(alphas, confidence, replicates, seed);
}

/** The percentile interval of bootstrap estimates (NaN estimates already left out). */
export function summariseBootstrap(estimates: readonly number[], confidence: number, replicates: number, seed: number): BootstrapInterval {
  const sorted = Float64Array.from(estimates).sort();
  return {
    lower: readQuantile(sorted, (1 - confidence) / 2),
    upper: readQuantile(sorted, 1 - (1 - confidence) / 2),
    confidence,
    replicates,
    validReplicates: sorted.length,
    seed,
  };
}

/** Linear-interpolation quantile of sorted values (R type 7); NaN for no values. */
function readQuantile(sorted: Float64Array, probability: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}
