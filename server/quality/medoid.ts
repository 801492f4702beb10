import { indexByItem, type EncodedLabels } from "./encode";

/** The answer closest to all others, and how far it is from each of them. */
export type Medoid = {
  index: number;
  text: string;
  /** Normalised edit distance from the medoid to each answer, in input order. */
  distances: Float64Array;
  meanDistance: number;
};

/** Per item: the medoid's label code, and per answer its distance to its item's medoid. */
export type MedoidResolution = {
  labels: Int32Array;
  meanDistance: Float64Array;
  /** One entry per answer (same order as the encoded answers). */
  answerDistances: Float64Array;
};

/** Levenshtein distance over Unicode code points (so an emoji is one edit, not two). */
export function measureEditDistance(a: string, b: string): number {
  const left = Array.from(a, (char) => char.codePointAt(0)!);
  const right = Array.from(b, (char) => char.codePointAt(0)!);
  let previous = Int32Array.from({ length: right.length + 1 }, (_, column) => column);
  let current = new Int32Array(right.length + 1);
  for (let row = 1; row <= left.length; row += 1) {
    current[0] = row;
    for (let column = 1; column <= right.length; column += 1) {
      const substitution = previous[column - 1]! + (left[row - 1] === right[column - 1] ? 0 : 1);
      current[column] = Math.min(substitution, previous[column]! + 1, current[column - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[right.length]!;
}

/** Edit distance divided by the longer length in code points: 0 for equal texts, 1 for nothing shared. */
export function measureNormalisedEditDistance(a: string, b: string): number {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  return longest === 0 ? 0 : measureEditDistance(a, b) / longest;
}

/**
 * Finds the medoid of free-text answers under normalised edit distance. Ties go to the text that sorts
 * first by code units, then to the earlier answer, so the result does not depend on who answered first.
 */
export function findMedoid(answers: readonly string[]): Medoid {
  const count = answers.length;
  if (count === 0) throw new RangeError("a medoid needs at least one answer");
  const matrix = new Float64Array(count * count);
  for (let row = 0; row < count; row += 1) {
    for (let column = row + 1; column < count; column += 1) {
      const distance = measureNormalisedEditDistance(answers[row]!, answers[column]!);
      matrix[row * count + column] = distance;
      matrix[column * count + row] = distance;
    }
  }
  let best = 0;
  let bestTotal = Number.POSITIVE_INFINITY;
  for (let row = 0; row < count; row += 1) {
    let total = 0;
    for (let column = 0; column < count; column += 1) total += matrix[row * count + column]!;
    const isCloser = total < bestTotal || (total === bestTotal && answers[row]! < answers[best]!);
    if (isCloser) {
      best = row;
      bestTotal = total;
    }
  }
  return {
    index: best,
    text: answers[best]!,
    distances: matrix.slice(best * count, (best + 1) * count),
    meanDistance: bestTotal / count,
  };
}

/** Resolves free-text corrections: each item gets the medoid of its answers (the labels are the texts). */
export function resolveMedoids(data: EncodedLabels): MedoidResolution {
  const { offsets, order } = indexByItem(data);
  const itemCount = data.itemIds.length;
  const labels = new Int32Array(itemCount);
  const meanDistance = new Float64Array(itemCount);
  const answerDistances = new Float64Array(data.items.length);
  for (let item = 0; item < itemCount; item += 1) {
    const answerIndices = Array.from(order.subarray(offsets[item]!, offsets[item + 1]!));
    const medoid = findMedoid(answerIndices.map((index) => data.labelIds[data.labels[index]!]!));
    labels[item] = data.labels[answerIndices[medoid.index]!]!;
    meanDistance[item] = medoid.meanDistance;
    answerIndices.forEach((index, position) => {
      answerDistances[index] = medoid.distances[position]!;
    });
  }
  return { labels, meanDistance, answerDistances };
}
