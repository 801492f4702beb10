import { groupByItem, type EncodedAnswers } from "./encode-answers";

/**
 * Items grouped by what was answered on them: the same annotators giving the same codes. Every statistic on
 * the page depends on an item only through this signature, so a bootstrap replicate tallies signatures and
 * computes from a few thousand of them instead of 100k items. Signature s's answers (annotator ascending)
 * are positions offsets[s] .. offsets[s + 1] - 1 of `annotators` and `codes`.
 */
export type ItemSignatures = {
  signatureOf: Int32Array;
  /** Items per signature. */
  itemCounts: Float64Array;
  offsets: Int32Array;
  annotators: Int32Array;
  codes: Int32Array;
};

/** An item's few answer positions by annotator: insertion sort, far cheaper than Array.sort on 100k tiny arrays. */
function sortByAnnotator(positions: Int32Array, annotators: Int32Array): number[] {
  const sorted: number[] = [];
  for (const position of positions) {
    let index = sorted.length;
    while (index > 0 && annotators[sorted[index - 1]!]! > annotators[position]!) index -= 1;
    sorted.splice(index, 0, position);
  }
  return sorted;
}

export function groupSignatures(encoded: EncodedAnswers): ItemSignatures {
  const { offsets: itemOffsets, order } = groupByItem(encoded);
  const idOfKey = new Map<number | string, number>();
  // A signature as one number (answers as digits of base annotators × levels) while that stays exact; as text beyond.
  const base = Math.max(1, encoded.annotatorIds.length * encoded.levels.length);
  const keyOf = (positions: number[]): number | string => {
    if (positions.length * Math.log2(base + 1) < 52) {
      let key = 0;
      for (const position of positions) key = key * (base + 1) + encoded.annotators[position]! * encoded.levels.length + encoded.codes[position]! + 1;
      return key;
    }
    return positions.map((position) => `${encoded.annotators[position]}:${encoded.codes[position]}`).join(",");
  };
  const signatureOf = new Int32Array(encoded.itemCount);
  const itemCounts: number[] = [];
  const offsets: number[] = [0];
  const annotators: number[] = [];
  const codes: number[] = [];
  for (let item = 0; item < encoded.itemCount; item += 1) {
    const positions = sortByAnnotator(order.subarray(itemOffsets[item]!, itemOffsets[item + 1]!), encoded.annotators);
    const key = keyOf(positions);
    let id = idOfKey.get(key);
    if (id === undefined) {
      id = itemCounts.length;
      idOfKey.set(key, id);
      itemCounts.push(0);
      for (const position of positions) {
        annotators.push(encoded.annotators[position]!);
        codes.push(encoded.codes[position]!);
      }
      offsets.push(annotators.length);
    }
    itemCounts[id]! += 1;
    signatureOf[item] = id;
  }
  return { signatureOf, itemCounts: Float64Array.from(itemCounts), offsets: Int32Array.from(offsets), annotators: Int32Array.from(annotators), codes: Int32Array.from(codes) };
}

/**
 * Per annotator: pairs (their answer, another annotator's answer on the same item) and how many of those
 * agree: the definition of `measureAgreementWithOthers`, counted from the signatures already in memory.
 */
export function countAgreementWithOthers(signatures: ItemSignatures, annotatorCount: number): { pairs: Float64Array; agreeing: Float64Array } {
  const pairs = new Float64Array(annotatorCount);
  const agreeing = new Float64Array(annotatorCount);
  for (let signature = 0; signature < signatures.itemCounts.length; signature += 1) {
    const start = signatures.offsets[signature]!;
    const end = signatures.offsets[signature + 1]!;
    const weight = signatures.itemCounts[signature]!;
    for (let answer = start; answer < end; answer += 1) {
      let sameCode = 0;
      for (let other = start; other < end; other += 1) if (other !== answer && signatures.codes[other] === signatures.codes[answer]) sameCode += 1;
      pairs[signatures.annotators[answer]!]! += weight * (end - start - 1);
      agreeing[signatures.annotators[answer]!]! += weight * sameCode;
    }
  }
  return { pairs, agreeing };
}
