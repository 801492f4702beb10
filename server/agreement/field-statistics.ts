import { bootstrapCohenKappa, bootstrapFleissKappa } from "@/server/quality/kappa-bootstrap";
import { bootstrapKrippendorffAlpha, computeKrippendorffAlpha, type BootstrapOptions } from "@/server/quality/krippendorff";
import type { MeasurementLevel, ReliabilityData } from "@/server/quality/reliability-data";
import { groupByItem, type EncodedAnswers } from "./encode-answers";

/** A statistic with its bootstrap interval; null where it is undefined (too few items, or no variation). */
export type Estimate = { value: number | null; lower: number | null; upper: number | null };

export type AlphaResult = Estimate & { level: MeasurementLevel; pairableItems: number };
export type FleissResult = Estimate & { ratersPerItem: number | null; items: number };
export type CohenPair = Estimate & { first: string; second: string; sharedItems: number };

export const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function toEstimate(value: number, interval: { lower: number; upper: number } | null): Estimate {
  const point = finiteOrNull(value);
  return { value: point, lower: point === null || !interval ? null : finiteOrNull(interval.lower), upper: point === null || !interval ? null : finiteOrNull(interval.upper) };
}

/** Krippendorff's α over items (units with ≥ 2 answers count), nominal and ordinal on codes, metric levels on the values. */
export function measureAlpha(encoded: EncodedAnswers, level: MeasurementLevel, bootstrap: BootstrapOptions): AlphaResult {
  const isMetric = level === "interval" || level === "ratio";
  const levelValues = encoded.levels.map((value, code) => (isMetric ? Number(value) : code));
  const data: ReliabilityData = { units: encoded.items, values: Float64Array.from(encoded.codes, (code) => levelValues[code]!), unitCount: encoded.itemCount };
  const result = computeKrippendorffAlpha(data, level);
  const interval = result.pairableUnits > 1 ? bootstrapKrippendorffAlpha(data, level, bootstrap) : null;
  return { ...toEstimate(result.alpha, interval), level, pairableItems: result.pairableUnits };
}

/** How many answers each item has. */
function countAnswersPerItem(encoded: EncodedAnswers): Int32Array {
  const perItem = new Int32Array(encoded.itemCount);
  for (const item of encoded.items) perItem[item]! += 1;
  return perItem;
}

/** The most common number of answers among items with at least two (the larger on a tie); null when no item has two. */
export function findModalRaterCount(perItem: Int32Array): number | null {
  const frequency = new Map<number, number>();
  for (const count of perItem) if (count >= 2) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let modal: number | null = null;
  for (const [count, items] of frequency) {
    if (modal === null || items > frequency.get(modal)! || (items === frequency.get(modal)! && count > modal)) modal = count;
  }
  return modal;
}

/**
 * Fleiss' κ assumes the same number of raters per subject, so it is taken over the items with the modal
 * number of answers; the result says which number that is and how many items it covers.
 */
export function measureFleiss(encoded: EncodedAnswers, bootstrap: BootstrapOptions): FleissResult {
  const perItem = countAnswersPerItem(encoded);
  const raters = findModalRaterCount(perItem);
  if (raters === null) return { value: null, lower: null, upper: null, ratersPerItem: null, items: 0 };
  const rowOf = new Int32Array(encoded.itemCount).fill(-1);
  let rows = 0;
  for (let item = 0; item < encoded.itemCount; item += 1) if (perItem[item] === raters) rowOf[item] = rows++;
  const categoryCount = encoded.levels.length;
  const counts = new Int32Array(rows * categoryCount);
  for (let position = 0; position < encoded.items.length; position += 1) {
    const row = rowOf[encoded.items[position]!]!;
    if (row >= 0) counts[row * categoryCount + encoded.codes[position]!]! += 1;
  }
  const { kappa, interval } = bootstrapFleissKappa(counts, categoryCount, bootstrap);
  return { ...toEstimate(kappa, rows > 1 ? interval : null), ratersPerItem: raters, items: rows };
}

/**
 * Cohen's κ of every pair of annotators over the items both answered (pairs with none are left out). Pairs with fewer than `minSharedItems`
 * items in common are listed with their count and no κ: a handful of items gives an interval wider than the
 * scale.
 */
export function measurePairwiseCohen(encoded: EncodedAnswers, minSharedItems: number, bootstrap: BootstrapOptions): CohenPair[] {
  const annotatorCount = encoded.annotatorIds.length;
  const { offsets, order } = groupByItem(encoded);
  const pairSlot = (first: number, second: number) => (first < second ? first * annotatorCount + second : second * annotatorCount + first);
  const visitPairs = (visit: (slot: number, firstCode: number, secondCode: number) => void) => {
    for (let item = 0; item < encoded.itemCount; item += 1) {
      for (let left = offsets[item]!; left < offsets[item + 1]!; left += 1) {
        for (let right = left + 1; right < offsets[item + 1]!; right += 1) {
          const [a, b] = [order[left]!, order[right]!];
          const isOrdered = encoded.annotators[a]! < encoded.annotators[b]!;
          visit(pairSlot(encoded.annotators[a]!, encoded.annotators[b]!), encoded.codes[isOrdered ? a : b]!, encoded.codes[isOrdered ? b : a]!);
        }
      }
    }
  };
  const shared = new Int32Array(annotatorCount * annotatorCount);
  visitPairs((slot) => (shared[slot]! += 1));
  const firstCodes = Array.from(shared, (count) => new Int32Array(count));
  const secondCodes = Array.from(shared, (count) => new Int32Array(count));
  const filled = new Int32Array(shared.length);
  visitPairs((slot, firstCode, secondCode) => {
    firstCodes[slot]![filled[slot]!] = firstCode;
    secondCodes[slot]![filled[slot]!] = secondCode;
    filled[slot]! += 1;
  });
  const pairs: CohenPair[] = [];
  for (let first = 0; first < annotatorCount; first += 1) {
    for (let second = first + 1; second < annotatorCount; second += 1) {
      const slot = first * annotatorCount + second;
      const sharedItems = shared[slot]!;
      if (sharedItems === 0) continue;
      const ids = { first: encoded.annotatorIds[first]!, second: encoded.annotatorIds[second]!, sharedItems };
      if (sharedItems < minSharedItems) {
        pairs.push({ ...ids, value: null, lower: null, upper: null });
        continue;
      }
      const { kappa, interval } = bootstrapCohenKappa(firstCodes[slot]!, secondCodes[slot]!, encoded.levels.length, bootstrap);
      pairs.push({ ...ids, ...toEstimate(kappa, interval) });
    }
  }
  return pairs;
}
