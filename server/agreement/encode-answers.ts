import type { AnnotatorAnswers } from "./queries";

/**
 * One field's answers as parallel typed arrays: item (dense 0..itemCount-1), annotator (index into
 * `annotatorIds`) and value code (index into `levels`). Levels are the field's options in schema order,
 * then any value no longer among the options, so codes keep the scale's order.
 */
export type EncodedAnswers = {
  items: Int32Array;
  annotators: Int32Array;
  codes: Int32Array;
  itemCount: number;
  annotatorIds: string[];
  levels: string[];
  /** Answers per annotator index. */
  answersPerAnnotator: Int32Array;
};

/** Maps values to codes over the given levels, appending values not seen before. */
export function createLevelCoder(optionValues: readonly string[]): { levels: string[]; codeOf: (value: string) => number } {
  const levels = [...optionValues];
  const codes = new Map(levels.map((value, code) => [value, code]));
  return {
    levels,
    codeOf: (value) => {
      let code = codes.get(value);
      if (code === undefined) {
        code = levels.length;
        codes.set(value, code);
        levels.push(value);
      }
      return code;
    },
  };
}

/**
 * Numbers the queue item ids 0, 1, 2… in ascending order, whatever order the rows arrived in, so the seeded
 * bootstrap draws the same resamples every time. Ids of one queue are mostly close together, so a table over
 * their range replaces a Map and a sort when the range is at most a few times the answers.
 */
function createDenseIndex(answers: readonly AnnotatorAnswers[]): { indexOf: (id: number) => number; size: number } {
  let low = Infinity;
  let high = -Infinity;
  let total = 0;
  for (const group of answers) {
    for (const id of group.queueItemIds) {
      if (id < low) low = id;
      if (id > high) high = id;
    }
    total += group.queueItemIds.length;
  }
  if (total > 0 && high - low < 4 * total + 1024) {
    const table = new Int32Array(high - low + 1).fill(-1);
    for (const group of answers) for (const id of group.queueItemIds) table[id - low] = 0;
    let size = 0;
    for (let offset = 0; offset < table.length; offset += 1) if (table[offset] === 0) table[offset] = size++;
    return { indexOf: (id) => table[id - low]!, size };
  }
  const ids = [...new Set(answers.flatMap((group) => Array.from(group.queueItemIds)))].sort((first, second) => first - second);
  const map = new Map(ids.map((id, index) => [id, index]));
  return { indexOf: (id) => map.get(id)!, size: ids.length };
}

export function encodeAnswers(unordered: readonly AnnotatorAnswers[], optionValues: readonly string[]): EncodedAnswers {
  // Annotators in id order, like items: the encoding must not depend on the order Postgres returned the rows in.
  const answers = [...unordered].sort((first, second) => (first.annotatorId < second.annotatorId ? -1 : first.annotatorId > second.annotatorId ? 1 : 0));
  const total = answers.reduce((sum, group) => sum + group.values.length, 0);
  const items = new Int32Array(total);
  const annotators = new Int32Array(total);
  const codes = new Int32Array(total);
  const answersPerAnnotator = new Int32Array(answers.length);
  const itemIndex = createDenseIndex(answers);
  const coder = createLevelCoder(optionValues);
  let position = 0;
  answers.forEach((group, annotator) => {
    for (let answer = 0; answer < group.values.length; answer += 1) {
      items[position] = itemIndex.indexOf(group.queueItemIds[answer]!);
      annotators[position] = annotator;
      codes[position] = coder.codeOf(group.values[answer]!);
      position += 1;
    }
    answersPerAnnotator[annotator] = group.values.length;
  });
  return { items, annotators, codes, itemCount: itemIndex.size, annotatorIds: answers.map((group) => group.annotatorId), levels: coder.levels, answersPerAnnotator };
}

/** Answer positions grouped by item: item i's answers are order[offsets[i]] .. order[offsets[i + 1] - 1]. */
export function groupByItem(encoded: EncodedAnswers): { offsets: Int32Array; order: Int32Array } {
  const offsets = new Int32Array(encoded.itemCount + 1);
  for (const item of encoded.items) offsets[item + 1]! += 1;
  for (let item = 0; item < encoded.itemCount; item += 1) offsets[item + 1]! += offsets[item]!;
  const cursor = offsets.slice(0, encoded.itemCount);
  const order = new Int32Array(encoded.items.length);
  for (let position = 0; position < encoded.items.length; position += 1) {
    const item = encoded.items[position]!;
    order[cursor[item]!] = position;
    cursor[item]! += 1;
  }
  return { offsets, order };
}
