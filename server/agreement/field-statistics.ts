import { buildCoincidences, computeDisagreement } from "@/server/quality/coincidences";
import { cohenFromCells, createClassResampler, fleissFromProfiles } from "@/server/quality/kappa-bootstrap";
import { summariseBootstrap } from "@/server/quality/krippendorff";
import type { BootstrapOptions } from "@/server/quality/krippendorff";
import { createRandom } from "@/server/quality/random";
import type { MeasurementLevel } from "@/server/quality/reliability-data";
import type { EncodedAnswers } from "./encode-answers";
import type { ItemSignatures } from "./item-signatures";

/** A statistic with its bootstrap interval; null where it is undefined (too few items, or no variation). */
export type Estimate = { value: number | null; lower: number | null; upper: number | null };

export type AlphaResult = Estimate & { level: MeasurementLevel; pairableItems: number };
export type FleissResult = Estimate & { ratersPerItem: number | null; items: number };
export type CohenPair = Estimate & { first: string; second: string; sharedItems: number };
export type FieldStatistics = { alpha: AlphaResult; fleiss: FleissResult; cohen: CohenPair[] };

export const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The most common number of answers among items with at least two (the larger on a tie); null when no item has two. */
function findModalRaterCount(answersPerItem: ArrayLike<number>, items: ArrayLike<number>): number | null {
  const frequency = new Map<number, number>();
  for (let index = 0; index < answersPerItem.length; index += 1) {
    if (answersPerItem[index]! >= 2) frequency.set(answersPerItem[index]!, (frequency.get(answersPerItem[index]!) ?? 0) + items[index]!);
  }
  let modal: number | null = null;
  for (const [count, total] of frequency) {
    if (modal === null || total > frequency.get(modal)! || (total === frequency.get(modal)! && count > modal)) modal = count;
  }
  return modal;
}

/** α from signature weights: Krippendorff's coincidences over the signatures with ≥ 2 answers, each counted as often as it was drawn. */
function prepareAlpha(signatures: ItemSignatures, encoded: EncodedAnswers, level: MeasurementLevel) {
  const isMetric = level === "interval" || level === "ratio";
  const levelValues = encoded.levels.map((value, code) => (isMetric ? Number(value) : code));
  const pairable: number[] = [];
  const units: number[] = [];
  const values: number[] = [];
  for (let signature = 0; signature < signatures.itemCounts.length; signature += 1) {
    const start = signatures.offsets[signature]!;
    const end = signatures.offsets[signature + 1]!;
    if (end - start < 2) continue;
    for (let answer = start; answer < end; answer += 1) {
      units.push(pairable.length);
      values.push(levelValues[signatures.codes[answer]!]!);
    }
    pairable.push(signature);
  }
  const coincidences = buildCoincidences({ units: Int32Array.from(units), values: Float64Array.from(values), unitCount: pairable.length });
  const weights = new Float64Array(pairable.length);
  return {
    pairableItems: pairable.reduce((sum, signature) => sum + signatures.itemCounts[signature]!, 0),
    measure: (tallies: Float64Array) => {
      pairable.forEach((signature, unit) => (weights[unit] = tallies[signature]!));
      return pairable.length === 0 ? Number.NaN : computeDisagreement(coincidences, level, weights).alpha;
    },
  };
}

/** Fleiss' κ assumes the same number of raters per subject, so it is taken over the items with the modal number of answers. */
function prepareFleiss(signatures: ItemSignatures, categoryCount: number) {
  const sizes = Array.from({ length: signatures.itemCounts.length }, (_, signature) => signatures.offsets[signature + 1]! - signatures.offsets[signature]!);
  const raters = findModalRaterCount(sizes, signatures.itemCounts);
  const included = sizes.flatMap((size, signature) => (size === raters ? [signature] : []));
  const profiles = included.map((signature) => {
    const profile = new Int32Array(categoryCount);
    for (let answer = signatures.offsets[signature]!; answer < signatures.offsets[signature + 1]!; answer += 1) profile[signatures.codes[answer]!]! += 1;
    return profile;
  });
  const weights = new Float64Array(included.length);
  return {
    raters,
    items: included.reduce((sum, signature) => sum + signatures.itemCounts[signature]!, 0),
    measure: (tallies: Float64Array) => {
      included.forEach((signature, index) => (weights[index] = tallies[signature]!));
      return included.length === 0 ? Number.NaN : fleissFromProfiles(profiles, weights, categoryCount);
    },
  };
}

/** Every annotator pair's contingency table, filled from signature weights; one entry per (signature, pair on it). */
function preparePairs(signatures: ItemSignatures, annotatorCount: number, levelCount: number) {
  const slotOf = new Map<number, number>();
  const slotPairs: Array<[number, number]> = [];
  const entrySignature: number[] = [];
  const entryCell: number[] = [];
  for (let signature = 0; signature < signatures.itemCounts.length; signature += 1) {
    const end = signatures.offsets[signature + 1]!;
    for (let left = signatures.offsets[signature]!; left < end; left += 1) {
      for (let right = left + 1; right < end; right += 1) {
        const key = signatures.annotators[left]! * annotatorCount + signatures.annotators[right]!;
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = slotPairs.length;
          slotOf.set(key, slot);
          slotPairs.push([signatures.annotators[left]!, signatures.annotators[right]!]);
        }
        entrySignature.push(signature);
        entryCell.push(slot * levelCount * levelCount + signatures.codes[left]! * levelCount + signatures.codes[right]!);
      }
    }
  }
  const cellsPerPair = levelCount * levelCount;
  const tables = new Float64Array(slotPairs.length * cellsPerPair);
  return {
    slotPairs,
    fill: (tallies: Float64Array) => {
      tables.fill(0);
      for (let entry = 0; entry < entrySignature.length; entry += 1) tables[entryCell[entry]!]! += tallies[entrySignature[entry]!]!;
      return (slot: number) => tables.subarray(slot * cellsPerPair, (slot + 1) * cellsPerPair);
    },
  };
}

function toEstimate(value: number, estimates: number[], options: Required<BootstrapOptions>): Estimate {
  const point = finiteOrNull(value);
  if (point === null) return { value: null, lower: null, upper: null };
  const interval = summariseBootstrap(estimates, options.confidence, options.replicates, options.seed);
  return { value: point, lower: finiteOrNull(interval.lower), upper: finiteOrNull(interval.upper) };
}

/**
 * Krippendorff's α at `level`, Fleiss' κ and every annotator pair's Cohen's κ on one field, each with a
 * percentile-bootstrap interval. A replicate resamples items with replacement once and measures all of
 * them on that resample; pairs with fewer than `minSharedItems` items in common get no κ (a handful of
 * items gives an interval wider than the scale) and pairs with none are left out.
 */
export function measureFieldAgreement(
  encoded: EncodedAnswers,
  signatures: ItemSignatures,
  options: { level: MeasurementLevel; minSharedItems: number; bootstrap: Required<BootstrapOptions> },
): FieldStatistics {
  const { level, minSharedItems, bootstrap } = options;
  const levelCount = encoded.levels.length;
  const alpha = prepareAlpha(signatures, encoded, level);
  const fleiss = prepareFleiss(signatures, levelCount);
  const pairs = preparePairs(signatures, encoded.annotatorIds.length, levelCount);
  const observedTables = pairs.fill(signatures.itemCounts);
  const sharedItems = pairs.slotPairs.map((_, slot) => observedTables(slot).reduce((sum, count) => sum + count, 0));
  const measuredSlots = pairs.slotPairs.flatMap((_, slot) => (sharedItems[slot]! >= minSharedItems ? [slot] : []));
  const observedKappa = new Map(measuredSlots.map((slot) => [slot, cohenFromCells(observedTables(slot), levelCount)]));

  const alphaDraws: number[] = [];
  const fleissDraws: number[] = [];
  const kappaDraws = new Map(measuredSlots.map((slot) => [slot, [] as number[]]));
  const keep = (draws: number[], value: number) => Number.isNaN(value) || draws.push(value);
  const random = createRandom(bootstrap.seed);
  const resample = createClassResampler(signatures.signatureOf, signatures.itemCounts.length);
  const tallies = new Float64Array(signatures.itemCounts.length);
  for (let replicate = 0; replicate < (encoded.itemCount > 1 ? bootstrap.replicates : 0); replicate += 1) {
    resample(random, tallies);
    keep(alphaDraws, alpha.measure(tallies));
    keep(fleissDraws, fleiss.measure(tallies));
    const tableOf = pairs.fill(tallies);
    for (const slot of measuredSlots) keep(kappaDraws.get(slot)!, cohenFromCells(tableOf(slot), levelCount));
  }
  return {
    alpha: { ...toEstimate(alpha.measure(signatures.itemCounts), alphaDraws, bootstrap), level, pairableItems: alpha.pairableItems },
    fleiss: { ...toEstimate(fleiss.measure(signatures.itemCounts), fleissDraws, bootstrap), ratersPerItem: fleiss.raters, items: fleiss.items },
    cohen: pairs.slotPairs
      .map(([first, second], slot) => {
        const ids = { first: encoded.annotatorIds[first]!, second: encoded.annotatorIds[second]!, sharedItems: sharedItems[slot]! };
        const kappa = observedKappa.get(slot);
        return { ...ids, ...(kappa === undefined ? { value: null, lower: null, upper: null } : toEstimate(kappa, kappaDraws.get(slot)!, bootstrap)) };
      })
      .sort((first, second) => first.first.localeCompare(second.first) || first.second.localeCompare(second.second)),
  };
}
