import { indexByItem, type EncodedLabels } from "./encode";

export type NumericMethod = "mean" | "median" | "trimmed-mean";

export type NumericOptions = {
  method: NumericMethod;
  /** Share cut from each end for "trimmed-mean", in [0, 0.5) (default 0.1). */
  trim?: number;
};

/** One number per item, with the spread behind it. */
export type NumericResolution = {
  values: Float64Array;
  counts: Int32Array;
  minimum: Float64Array;
  maximum: Float64Array;
};

/**
 * Resolves numeric answers (ratings, scores) per item. The median of an even count is the mean of the two
 * middle values. The trimmed mean drops floor(count × trim) answers from each end, as scipy's trim_mean.
 */
export function resolveNumeric(data: EncodedLabels, options: NumericOptions): NumericResolution {
  if (!data.isNumeric) throw new RangeError("numeric resolution needs numeric labels");
  const trim = options.trim ?? 0.1;
  if (!(trim >= 0 && trim < 0.5)) throw new RangeError("trim must be in [0, 0.5)");
  const { offsets, order } = indexByItem(data);
  const itemCount = data.itemIds.length;
  const values = new Float64Array(itemCount);
  const counts = new Int32Array(itemCount);
  const minimum = new Float64Array(itemCount);
  const maximum = new Float64Array(itemCount);
  const scratch = new Float64Array(order.length);
  for (let item = 0; item < itemCount; item += 1) {
    const start = offsets[item]!;
    const count = offsets[item + 1]! - start;
    const answers = scratch.subarray(0, count);
    for (let position = 0; position < count; position += 1) {
      answers[position] = data.labelValues[data.labels[order[start + position]!]!]!;
    }
    answers.sort();
    counts[item] = count;
    minimum[item] = count > 0 ? answers[0]! : Number.NaN;
    maximum[item] = count > 0 ? answers[count - 1]! : Number.NaN;
    values[item] = summarise(answers, options.method, trim);
  }
  return { values, counts, minimum, maximum };
}

function summarise(sorted: Float64Array, method: NumericMethod, trim: number): number {
  const count = sorted.length;
  switch (method) {
    case "mean":
      return averageRange(sorted, 0, count);
    case "median":
      return count % 2 === 1 ? sorted[(count - 1) / 2]! : averageRange(sorted, count / 2 - 1, count / 2 + 1);
    case "trimmed-mean": {
      const cut = Math.floor(count * trim);
      return averageRange(sorted, cut, count - cut);
    }
  }
}

function averageRange(values: Float64Array, start: number, end: number): number {
  let total = 0;
  for (let position = start; position < end; position += 1) total += values[position]!;
  return end > start ? total / (end - start) : Number.NaN;
}
