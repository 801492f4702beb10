import type { MeasurementLevel, ReliabilityData } from "./reliability-data";

/**
 * Krippendorff coincidences in sparse form. Each pairable unit (two or more values) contributes entries
 * (value pair, weight): weight n_uc·n_uk/(m_u − 1) for c < k, and n_uc(n_uc − 1)/(m_u − 1) for c = k.
 * Pairs are deduplicated across units, so a bootstrap replicate only re-weights entries.
 */
export type Coincidences = {
  /** Distinct values in ascending order; value codes index this array. */
  values: Float64Array;
  /** Entries of pairable unit u are entryOffsets[u] .. entryOffsets[u + 1] - 1. */
  entryOffsets: Int32Array;
  entryPair: Int32Array;
  entryWeight: Float64Array;
  /** Values of pairable unit u (code and count n_uc) are valueOffsets[u] .. valueOffsets[u + 1] - 1. */
  valueOffsets: Int32Array;
  valueCode: Int32Array;
  valueCount: Int32Array;
  /** The value codes of each distinct pair, low ≤ high. */
  pairLow: Int32Array;
  pairHigh: Int32Array;
  pairableUnits: number;
};

/** α with its parts: observed and expected disagreement D_o, D_e, and the pairable value counts n_c. */
export type Disagreement = {
  alpha: number;
  observed: number;
  expected: number;
  pairableValues: number;
  valueCounts: Float64Array;
};

/** Builds sparse coincidences from reliability data, dropping NaN (missing) values. */
export function buildCoincidences(data: ReliabilityData): Coincidences {
  const present: number[] = [];
  for (let index = 0; index < data.values.length; index += 1) if (!Number.isNaN(data.values[index])) present.push(index);
  const values = Float64Array.from(new Set(present.map((index) => data.values[index]!))).sort();
  const codeOf = new Map<number, number>();
  values.forEach((value, code) => codeOf.set(value, code));

  const unitOffsets = new Int32Array(data.unitCount + 1);
  for (const index of present) unitOffsets[data.units[index]! + 1]! += 1;
  for (let unit = 0; unit < data.unitCount; unit += 1) unitOffsets[unit + 1]! += unitOffsets[unit]!;
  const cursor = unitOffsets.slice(0, data.unitCount);
  const codes = new Int32Array(present.length);
  for (const index of present) {
    const unit = data.units[index]!;
    codes[cursor[unit]!] = codeOf.get(data.values[index]!)!;
    cursor[unit]! += 1;
  }

  const pairIds = new Map<number, number>();
  const pairLow: number[] = [];
  const pairHigh: number[] = [];
  const entryOffsets: number[] = [0];
  const entryPair: number[] = [];
  const entryWeight: number[] = [];
  const valueOffsets: number[] = [0];
  const valueCode: number[] = [];
  const valueCount: number[] = [];
  const addEntry = (low: number, high: number, weight: number): void => {
    const key = low * values.length + high;
    let pair = pairIds.get(key);
    if (pair === undefined) {
      pair = pairLow.length;
      pairIds.set(key, pair);
      pairLow.push(low);
      pairHigh.push(high);
    }
    entryPair.push(pair);
    entryWeight.push(weight);
  };
  for (let unit = 0; unit < data.unitCount; unit += 1) {
    const unitCodes = codes.subarray(unitOffsets[unit]!, unitOffsets[unit + 1]!).sort();
    const size = unitCodes.length;
    if (size < 2) continue;
    const { distinct, counts } = countRuns(unitCodes);
    valueCode.push(...distinct);
    valueCount.push(...counts);
    valueOffsets.push(valueCode.length);
    for (let first = 0; first < distinct.length; first += 1) {
      const countFirst = counts[first]!;
      if (countFirst > 1) addEntry(distinct[first]!, distinct[first]!, (countFirst * (countFirst - 1)) / (size - 1));
      for (let second = first + 1; second < distinct.length; second += 1) {
        addEntry(distinct[first]!, distinct[second]!, (countFirst * counts[second]!) / (size - 1));
      }
    }
    entryOffsets.push(entryPair.length);
  }
  return {
    values,
    entryOffsets: Int32Array.from(entryOffsets),
    entryPair: Int32Array.from(entryPair),
    entryWeight: Float64Array.from(entryWeight),
    valueOffsets: Int32Array.from(valueOffsets),
    valueCode: Int32Array.from(valueCode),
    valueCount: Int32Array.from(valueCount),
    pairLow: Int32Array.from(pairLow),
    pairHigh: Int32Array.from(pairHigh),
    pairableUnits: entryOffsets.length - 1,
  };
}

/** Coincidence weight per distinct pair and value counts n_c, integers kept exact by summing n_uc. */
function sumUnits(
  coincidences: Coincidences,
  unitWeights: Float64Array | undefined,
): { pairTotals: Float64Array; valueCounts: Float64Array } {
  const { entryOffsets, entryPair, entryWeight, valueOffsets, valueCode, valueCount } = coincidences;
  const pairTotals = new Float64Array(coincidences.pairLow.length);
  const valueCounts = new Float64Array(coincidences.values.length);
  for (let unit = 0; unit < coincidences.pairableUnits; unit += 1) {
    const times = unitWeights === undefined ? 1 : unitWeights[unit]!;
    if (times === 0) continue;
    for (let entry = entryOffsets[unit]!; entry < entryOffsets[unit + 1]!; entry += 1) {
      pairTotals[entryPair[entry]!]! += times * entryWeight[entry]!;
    }
    for (let value = valueOffsets[unit]!; value < valueOffsets[unit + 1]!; value += 1) {
      valueCounts[valueCode[value]!]! += times * valueCount[value]!;
    }
  }
  return { pairTotals, valueCounts };
}

function countRuns(sorted: Int32Array): { distinct: number[]; counts: number[] } {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const code of sorted) {
    if (distinct[distinct.length - 1] === code) counts[counts.length - 1]! += 1;
    else {
      distinct.push(code);
      counts.push(1);
    }
  }
  return { distinct, counts };
}

/**
 * α = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, each pairable unit counted `unitWeights[u]` times (once
 * when omitted; a bootstrap passes how often each unit was drawn). NaN when nothing can disagree.
 */
export function computeDisagreement(
  coincidences: Coincidences,
  level: MeasurementLevel,
  unitWeights?: Float64Array,
): Disagreement {
  const { values, pairLow, pairHigh } = coincidences;
  const { pairTotals, valueCounts } = sumUnits(coincidences, unitWeights);
  const distance = createSquaredDistance(values, valueCounts, level);
  // Off-diagonal pairs stand for both cells (c, k) and (k, c).
  let observed = 0;
  for (let pair = 0; pair < pairTotals.length; pair += 1) {
    if (pairLow[pair] !== pairHigh[pair]) observed += 2 * pairTotals[pair]! * distance(pairLow[pair]!, pairHigh[pair]!);
  }
  let pairableValues = 0;
  for (const count of valueCounts) pairableValues += count;
  const expected = sumExpected(values, valueCounts, pairableValues, level, distance);
  const alpha = expected > 0 ? 1 - ((pairableValues - 1) * observed) / expected : Number.NaN;
  return {
    alpha,
    observed: observed / pairableValues,
    expected: expected / (pairableValues * (pairableValues - 1)),
    pairableValues,
    valueCounts,
  };
}

/** Σ_{c,k} n_c n_k δ²_ck; closed forms keep nominal and interval linear in the number of distinct values. */
function sumExpected(
  values: Float64Array,
  valueCounts: Float64Array,
  pairableValues: number,
  level: MeasurementLevel,
  distance: (low: number, high: number) => number,
): number {
  if (level === "nominal") {
    let squares = 0;
    for (const count of valueCounts) squares += count * count;
    return pairableValues * pairableValues - squares;
  }
  if (level === "interval") {
    // Σ n_c n_k (v_c − v_k)² = 2n·Σ n_c (v_c − mean)²; centring avoids cancellation on large values.
    let weighted = 0;
    for (let code = 0; code < values.length; code += 1) weighted += valueCounts[code]! * values[code]!;
    const mean = weighted / pairableValues;
    let spread = 0;
    for (let code = 0; code < values.length; code += 1) spread += valueCounts[code]! * (values[code]! - mean) ** 2;
    return 2 * pairableValues * spread;
  }
  let expected = 0;
  for (let low = 0; low < values.length; low += 1) {
    if (valueCounts[low] === 0) continue;
    for (let high = low + 1; high < values.length; high += 1) {
      expected += 2 * valueCounts[low]! * valueCounts[high]! * distance(low, high);
    }
  }
  return expected;
}

/** δ²(c, k) for value codes c < k. Ordinal δ runs over the ranks of the values that occur. */
function createSquaredDistance(
  values: Float64Array,
  valueCounts: Float64Array,
  level: MeasurementLevel,
): (low: number, high: number) => number {
  switch (level) {
    case "nominal":
      return () => 1;
    case "ordinal": {
      const cumulative = new Float64Array(values.length + 1);
      for (let code = 0; code < values.length; code += 1) cumulative[code + 1] = cumulative[code]! + valueCounts[code]!;
      return (low, high) => {
        const span = cumulative[high + 1]! - cumulative[low]! - (valueCounts[low]! + valueCounts[high]!) / 2;
        return span * span;
      };
    }
    case "interval":
      return (low, high) => (values[low]! - values[high]!) ** 2;
    case "ratio":
      return (low, high) => {
        const sum = values[low]! + values[high]!;
        return sum === 0 ? 0 : ((values[low]! - values[high]!) / sum) ** 2;
      };
  }
}
