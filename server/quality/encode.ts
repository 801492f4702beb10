/** One answer: a worker gave an item a label. */
export type LabelTriple = { item: string; worker: string; label: string };

/** The same answers as parallel columns, which avoids an object per label for large inputs. */
export type LabelColumns = {
  items: readonly string[];
  workers: readonly string[];
  labels: readonly string[];
};

/**
 * Answers mapped to dense integer codes, the input of every truth-inference and agreement function.
 * Items and workers are numbered in order of first appearance. Labels are numbered in sorted order (see
 * `compareLabelIds`), so code 0 is the lowest label and "lowest label wins" is well defined.
 */
export type EncodedLabels = {
  itemIds: readonly string[];
  workerIds: readonly string[];
  labelIds: readonly string[];
  /** Number(labelId) for each label code; NaN when the label is not numeric. */
  labelValues: Float64Array;
  /** True when every label id is a numeric string, so codes follow numeric order. */
  isNumeric: boolean;
  /** One entry per answer. */
  items: Int32Array;
  workers: Int32Array;
  labels: Int32Array;
};

/** Answers grouped by item: the answers of item i are order[offsets[i]] .. order[offsets[i + 1] - 1]. */
export type ItemIndex = { offsets: Int32Array; order: Int32Array };

/** Code for "no label" in per-item label arrays (an unlabelled gold item, an unresolved tie). */
export const NO_LABEL = -1;

const NUMERIC_LABEL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when the string is a plain decimal number such as "3", "-0.5" or "1e3". */
export function isNumericLabel(label: string): boolean {
  return NUMERIC_LABEL.test(label);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts label ids: numerically when every id is numeric, otherwise by UTF-16 code units.
 * Code-unit order (not localeCompare) keeps the order identical on every machine; equal numbers written
 * differently ("1" and "1.0") fall back to code-unit order so the order is total.
 */
export function sortLabelIds(labelIds: Iterable<string>): { sorted: string[]; isNumeric: boolean } {
  const sorted = [...new Set(labelIds)];
  const isNumeric = sorted.length > 0 && sorted.every(isNumericLabel);
  sorted.sort(isNumeric ? (a, b) => Number(a) - Number(b) || compareCodeUnits(a, b) : compareCodeUnits);
  return { sorted, isNumeric };
}

function codeInto(ids: readonly string[], codes: Map<string, number>, names: string[], target: Int32Array): void {
  for (let index = 0; index < ids.length; index += 1) {
    const id = ids[index] as string;
    let code = codes.get(id);
    if (code === undefined) {
      code = names.length;
      codes.set(id, code);
      names.push(id);
    }
    target[index] = code;
  }
}

/**
 * Encodes answer columns. `extraLabels` adds labels nobody used yet (a label schema, gold answers) so
 * they get a code too.
 */
export function encodeLabelColumns(columns: LabelColumns, extraLabels: Iterable<string> = []): EncodedLabels {
  const size = columns.items.length;
  if (columns.workers.length !== size || columns.labels.length !== size) {
    throw new RangeError("items, workers and labels must have the same length");
  }
  const items = new Int32Array(size);
  const workers = new Int32Array(size);
  const labels = new Int32Array(size);
  const itemIds: string[] = [];
  const workerIds: string[] = [];
  const seenLabels: string[] = [];
  codeInto(columns.items, new Map(), itemIds, items);
  codeInto(columns.workers, new Map(), workerIds, workers);
  codeInto(columns.labels, new Map(), seenLabels, labels);

  const { sorted, isNumeric } = sortLabelIds([...seenLabels, ...extraLabels]);
  const rank = new Map(sorted.map((id, code) => [id, code]));
  const remap = Int32Array.from(seenLabels, (id) => rank.get(id) as number);
  for (let index = 0; index < size; index += 1) labels[index] = remap[labels[index]!]!;

  const labelValues = Float64Array.from(sorted, (id) => (isNumericLabel(id) ? Number(id) : Number.NaN));
  return { itemIds, workerIds, labelIds: sorted, labelValues, isNumeric, items, workers, labels };
}

/** Encodes answer triples; see `encodeLabelColumns`. */
export function encodeLabels(triples: readonly LabelTriple[], extraLabels: Iterable<string> = []): EncodedLabels {
  return encodeLabelColumns(
    {
      items: triples.map((triple) => triple.item),
      workers: triples.map((triple) => triple.worker),
      labels: triples.map((triple) => triple.label),
    },
    extraLabels,
  );
}

/**
 * Maps known per-item answers (gold, a previous resolution) to label codes, NO_LABEL where unknown.
 * Items that were never labelled are ignored; a label without a code is an error, because it should
 * have been passed to the encoder as an extra label.
 */
export function encodeItemLabels(data: EncodedLabels, answers: Iterable<readonly [string, string]>): Int32Array {
  const itemCodes = new Map(data.itemIds.map((id, code) => [id, code]));
  const labelCodes = new Map(data.labelIds.map((id, code) => [id, code]));
  const encoded = new Int32Array(data.itemIds.length).fill(NO_LABEL);
  for (const [item, label] of answers) {
    const itemCode = itemCodes.get(item);
    if (itemCode === undefined) continue;
    const labelCode = labelCodes.get(label);
    if (labelCode === undefined) throw new RangeError(`label "${label}" of item "${item}" has no code`);
    encoded[itemCode] = labelCode;
  }
  return encoded;
}

/** Index of the first answer that repeats an earlier (item, worker) pair, or -1. */
export function findDuplicateAnswer(data: EncodedLabels): number {
  const workerCount = data.workerIds.length;
  const seen = new Set<number>();
  for (let index = 0; index < data.items.length; index += 1) {
    const key = data.items[index]! * workerCount + data.workers[index]!;
    if (seen.has(key)) return index;
    seen.add(key);
  }
  return -1;
}

/** Groups answer indices by item with a counting sort; answers keep their input order within an item. */
export function indexByItem(data: EncodedLabels): ItemIndex {
  const itemCount = data.itemIds.length;
  const offsets = new Int32Array(itemCount + 1);
  for (let index = 0; index < data.items.length; index += 1) offsets[data.items[index]! + 1]! += 1;
  for (let item = 0; item < itemCount; item += 1) offsets[item + 1]! += offsets[item]!;
  const cursor = offsets.slice(0, itemCount);
  const order = new Int32Array(data.items.length);
  for (let index = 0; index < data.items.length; index += 1) {
    const item = data.items[index]!;
    order[cursor[item]!] = index;
    cursor[item]! += 1;
  }
  return { offsets, order };
}
