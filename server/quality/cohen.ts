import { sortLabelIds, type EncodedLabels } from "./encode";

export type KappaWeights = "none" | "linear" | "quadratic";

/**
 * Where weighted-κ distances come from. "ranks": the positions of the levels that occur (R irr's
 * convention, so 1, 2, 4 are equally spaced); "values": the numeric levels themselves (1, 2, 4 are not).
 */
export type KappaScale = "ranks" | "values";

export type CohenOptions = { weights?: KappaWeights; scale?: KappaScale };

/** κ from a contingency table, with the disagreements behind it. */
export type KappaTableResult = {
  /** 1 − observed / expected disagreement; NaN when no disagreement is expected by chance. */
  kappa: number;
  /** Weighted share of disagreement observed (1 − p_o when unweighted). */
  observedDisagreement: number;
  /** Weighted share of disagreement expected from the marginals (1 − p_e when unweighted). */
  expectedDisagreement: number;
  /** Rated pairs. */
  pairs: number;
  /** levels × levels, row-major: rater A's level by rater B's level. */
  table: Float64Array;
};

export type CohenResult = KappaTableResult & {
  /** The levels that index the table rows and columns, in scale order. */
  levels: string[];
};

/**
 * Cohen's κ from a square contingency table (rows rater A, columns rater B, levels in scale order).
 * Weights are disagreement weights |i − j| or (i − j)² over `levelValues`, the table positions by default,
 * normalised by the range; the normalisation cancels out of κ.
 */
export function computeCohenKappa(
  table: ReadonlyArray<ReadonlyArray<number>>,
  weights: KappaWeights = "none",
  levelValues: readonly number[] = table.map((_, position) => position),
): KappaTableResult {
  const size = table.length;
  if (levelValues.length !== size || table.some((row) => row.length !== size)) throw new RangeError("the table must be square");
  const rowTotals = table.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = table[0]?.map((_, column) => table.reduce((sum, row) => sum + row[column]!, 0)) ?? [];
  const pairs = rowTotals.reduce((sum, count) => sum + count, 0);
  const range = Math.max(...levelValues) - Math.min(...levelValues);
  const weightOf = (row: number, column: number): number => {
    if (weights === "none") return row === column ? 0 : 1;
    const gap = Math.abs(levelValues[row]! - levelValues[column]!) / range;
    return weights === "linear" ? gap : gap * gap;
  };
  let observed = 0;
  let expected = 0;
  const flat = new Float64Array(size * size);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const weight = row === column ? 0 : weightOf(row, column);
      flat[row * size + column] = table[row]![column]!;
      observed += weight * table[row]![column]!;
      expected += (weight * rowTotals[row]! * columnTotals[column]!) / pairs;
    }
  }
  return {
    kappa: expected > 0 ? 1 - observed / expected : Number.NaN,
    observedDisagreement: observed / pairs,
    expectedDisagreement: expected / pairs,
    pairs,
    table: flat,
  };
}

/**
 * Cohen's κ from two raters' ratings of the same subjects (equal-length arrays, null for a missing
 * rating; subjects missing either rating are skipped). Levels are the values that occur, sorted as labels.
 */
export function computeCohenKappaFromRatings(
  first: ReadonlyArray<string | number | null>,
  second: ReadonlyArray<string | number | null>,
  options: CohenOptions = {},
): CohenResult {
  if (first.length !== second.length) throw new RangeError("both raters need one entry per subject");
  const pairs: Array<[string, string]> = [];
  first.forEach((rating, subject) => {
    const other = second[subject];
    if (rating !== null && other !== null && other !== undefined) pairs.push([String(rating), String(other)]);
  });
  const { sorted: levels, isNumeric } = sortLabelIds(pairs.flat());
  if (options.scale === "values" && !isNumeric) throw new RangeError('the "values" scale needs numeric ratings');
  const position = new Map(levels.map((level, index) => [level, index]));
  const table = levels.map(() => levels.map(() => 0));
  for (const [rating, other] of pairs) table[position.get(rating)!]![position.get(other)!]! += 1;
  const levelValues = options.scale === "values" ? levels.map(Number) : levels.map((_, index) => index);
  return { ...computeCohenKappa(table, options.weights ?? "none", levelValues), levels };
}

/** Cohen's κ between the two workers of encoded answers, over the items both labelled. */
export function computeCohenKappaFromLabels(data: EncodedLabels, options: CohenOptions = {}): CohenResult {
  if (data.workerIds.length !== 2) throw new RangeError(`Cohen's κ needs exactly two workers, found ${data.workerIds.length}`);
  const ratings = [0, 1].map(() => new Array<string | null>(data.itemIds.length).fill(null));
  for (let index = 0; index < data.items.length; index += 1) {
    ratings[data.workers[index]!]![data.items[index]!] = data.labelIds[data.labels[index]!]!;
  }
  return computeCohenKappaFromRatings(ratings[0]!, ratings[1]!, options);
}
