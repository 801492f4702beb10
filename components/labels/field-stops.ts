import type { LabelValues, PairwiseAnswer, RubricScore } from "@/server/labels/answer-values";
import type { LabelField, PairwiseChoice, SchemaField } from "@/server/labels/field-types";

/**
 * Where J/K move on a label form: one stop per field (the corrected output's editor too, where it stands),
 * and one per criterion of a rubric. Number keys act on the active stop: pick an option, tick one, set a
 * rating or a criterion's score. Pure, so the review and adjudication pages move and pick alike.
 */
export type FieldStop = { fieldKey: string; criterionKey?: string };

export function listStops(fields: readonly SchemaField[]): FieldStop[] {
  return fields.flatMap((field) => (field.type === "rubric" ? field.criteria.map((criterion) => ({ fieldKey: field.key, criterionKey: criterion.key })) : [{ fieldKey: field.key }]));
}

/** Keys 1–9 pick the first nine choices and 0 the tenth (a rating of 10, a tenth option). */
export const MAX_NUMBER_KEYS = 10;

/** The key that picks choice `n` (1–10). */
export const numberKeyOf = (n: number) => (n === 10 ? "0" : String(n));

/** The choice a digit key picks: 1–9, and 0 for the tenth. */
export const numberOfKey = (key: string) => (key === "0" ? 10 : Number(key));

/** The number keys of a stop taking `count` of them, as the cheat sheet says it ("1–5", "1–9, 0"). */
export const describeNumberKeys = (count: number) => (count < MAX_NUMBER_KEYS ? `1–${count}` : "1–9, 0");

export const isSameStop = (a: FieldStop | null, b: FieldStop) => a !== null && a.fieldKey === b.fieldKey && a.criterionKey === b.criterionKey;

/** How many number keys the stop takes (0: it is typed into, not picked), for the key hints and the cheat sheet. */
export function countStopKeys(field: LabelField, criterionKey?: string): number {
  switch (field.type) {
    case "categorical":
    case "multi_select":
      return Math.min(field.options.length, MAX_NUMBER_KEYS);
    case "rating":
      return Math.min(field.max, MAX_NUMBER_KEYS);
    case "rubric":
      return field.criteria.find((criterion) => criterion.key === criterionKey)?.scale === "pass_fail" ? 2 : 5;
    case "pairwise":
      return field.askStrength ? 3 : 0;
    case "number":
    case "free_text":
      return 0;
  }
}

/** The values after number key `n` (1–10, the 0 key being 10) on the stop, or null when the key means nothing there. */
export function applyNumberKey(field: LabelField, stop: FieldStop, values: LabelValues, n: number): LabelValues | null {
  if (n < 1 || n > countStopKeys(field, stop.criterionKey)) return null;
  switch (field.type) {
    case "categorical":
      return { ...values, [field.key]: field.options[n - 1]!.value };
    case "multi_select": {
      const option = field.options[n - 1]!.value;
      const ticked = Array.isArray(values[field.key]) ? (values[field.key] as string[]) : [];
      const next = ticked.includes(option) ? ticked.filter((value) => value !== option) : [...ticked, option];
      return { ...values, [field.key]: field.options.map((candidate) => candidate.value).filter((value) => next.includes(value)) };
    }
    case "rating":
      return { ...values, [field.key]: n };
    case "rubric": {
      const criterion = field.criteria.find((candidate) => candidate.key === stop.criterionKey)!;
      const scores = (typeof values[field.key] === "object" && !Array.isArray(values[field.key]) ? values[field.key] : {}) as Record<string, RubricScore>;
      const score: RubricScore = criterion.scale === "pass_fail" ? n === 1 : n;
      return { ...values, [field.key]: { ...scores, [criterion.key]: score } };
    }
    case "pairwise": {
      // Strength qualifies a side: with no side chosen yet (or a tie), 1–3 mean nothing.
      const current = values[field.key] as PairwiseAnswer | undefined;
      if (current === undefined || current.choice === "tie") return null;
      return { ...values, [field.key]: { choice: current.choice, strength: n } };
    }
    default:
      return null;
  }
}

/** The stop `delta` places away (J: +1, K: −1), staying at the ends. */
export function moveStop(stops: readonly FieldStop[], active: FieldStop | null, delta: number): FieldStop | null {
  if (stops.length === 0) return null;
  const index = active ? stops.findIndex((stop) => isSameStop(active, stop)) : -1;
  if (index === -1) return stops[0]!;
  return stops[Math.max(0, Math.min(stops.length - 1, index + delta))]!;
}

/** A side picked (or picked again): switching sides keeps nothing of the other side's strength, and a tie has none. */
export function choosePairwise(current: PairwiseAnswer | undefined, choice: PairwiseChoice): PairwiseAnswer {
  if (choice === "tie") return { choice };
  return current?.choice === choice && current.strength !== undefined ? { choice, strength: current.strength } : { choice };
}

/** The pairwise keys: A, B or T answer the queue's pairwise field from anywhere on the page; null without one. */
export function applyPairwiseKey(fields: readonly LabelField[], values: LabelValues, key: string): LabelValues | null {
  const choice = ({ a: "a", b: "b", t: "tie" } as const)[key.toLowerCase() as "a" | "b" | "t"];
  const field = fields.find((candidate) => candidate.type === "pairwise");
  if (!field || !choice) return null;
  return { ...values, [field.key]: choosePairwise(values[field.key] as PairwiseAnswer | undefined, choice) };
}
