import { isUnstorableText, UNSTORABLE_TEXT_REASON } from "@/server/lib/safe-text";
import type { LabelField, NumberField, PairwiseChoice, RubricField } from "./field-types";

/** One field's answer, by type: an option, options, a point, a number, a text, scores per criterion, or a preference. */
export type RubricScore = boolean | number;
export type PairwiseAnswer = { choice: PairwiseChoice; strength?: number };
export type LabelValue = string | string[] | number | Record<string, RubricScore> | PairwiseAnswer;
export type LabelValues = Record<string, LabelValue>;

/** A refused answer, naming the path the form should point at (`values.<field>` or `values.<field>.<criterion>`). */
export class AnswerValueError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

// A number typed as 0.1 + 0.2 still sits on a 0.1 grid.
const STEP_TOLERANCE = 1e-9;

function isOnStep(field: NumberField, value: number): boolean {
  const steps = (value - field.min) / field.step;
  return Math.abs(steps - Math.round(steps)) < STEP_TOLERANCE * Math.max(1, Math.abs(steps));
}

function checkOption(field: { title: string; options: { value: string }[] }, value: unknown, path: string): string {
  if (typeof value !== "string" || !field.options.some((option) => option.value === value)) {
    throw new AnswerValueError(path, `pick one of ${field.options.map((option) => option.value).join(", ")}`);
  }
  return value;
}

function checkRubric(field: RubricField, value: unknown, path: string): Record<string, RubricScore> {
  if (!isRecord(value)) throw new AnswerValueError(path, "score each criterion: an object of criterion keys");
  const unknown = Object.keys(value).find((key) => !field.criteria.some((criterion) => criterion.key === key));
  if (unknown !== undefined) throw new AnswerValueError(`${path}.${unknown}`, `${field.title} has no such criterion`);
  const scores: Record<string, RubricScore> = {};
  for (const criterion of field.criteria) {
    const score = value[criterion.key];
    const at = `${path}.${criterion.key}`;
    if (score === undefined) throw new AnswerValueError(at, `score ${criterion.title}`);
    if (criterion.scale === "pass_fail" && typeof score !== "boolean") throw new AnswerValueError(at, `${criterion.title} is pass (true) or fail (false)`);
    if (criterion.scale === "one_to_five" && !(Number.isInteger(score) && (score as number) >= 1 && (score as number) <= 5)) {
      throw new AnswerValueError(at, `${criterion.title} is a whole number from 1 to 5`);
    }
    scores[criterion.key] = score as RubricScore;
  }
  return scores;
}

/** One field's answer checked against its type; throws naming the path. */
function checkValue(field: LabelField, value: unknown, path: string): LabelValue {
  switch (field.type) {
    case "categorical":
      return checkOption(field, value, path);
    case "multi_select": {
      if (!Array.isArray(value)) throw new AnswerValueError(path, "tick options: a list of option values (empty when none applies)");
      const picked = value.map((entry, index) => checkOption(field, entry, `${path}.${index}`));
      if (new Set(picked).size !== picked.length) throw new AnswerValueError(path, "tick each option once");
      // Stored in the schema's option order, so equal answers are equal JSON.
      return field.options.map((option) => option.value).filter((option) => picked.includes(option));
    }
    case "rating":
      if (!(typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= field.max)) throw new AnswerValueError(path, `rate ${field.title} from 1 to ${field.max}`);
      return value;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) throw new AnswerValueError(path, `${field.title} is a number`);
      if (value < field.min || value > field.max) throw new AnswerValueError(path, `${field.title} is from ${field.min} to ${field.max}`);
      if (!isOnStep(field, value)) throw new AnswerValueError(path, `${field.title} goes in steps of ${field.step} from ${field.min}`);
      return value;
    case "free_text": {
      if (typeof value !== "string") throw new AnswerValueError(path, `${field.title} is text`);
      if (isUnstorableText(value)) throw new AnswerValueError(path, UNSTORABLE_TEXT_REASON);
      const text = value.trim();
      if (text === "") throw new AnswerValueError(path, field.required ? `write ${field.title}` : `write ${field.title}, or leave it out`);
      if (Array.from(text).length > field.maxLength) throw new AnswerValueError(path, `${field.title} is at most ${field.maxLength.toLocaleString("en")} characters`);
      return text;
    }
    case "rubric":
      return checkRubric(field, value, path);
    case "pairwise": {
      if (!isRecord(value) || !["a", "b", "tie"].includes(value.choice as string)) throw new AnswerValueError(`${path}.choice`, "choose a, b or tie");
      const choice = value.choice as PairwiseChoice;
      if (value.strength === undefined) return { choice };
      if (!field.askStrength || choice === "tie") throw new AnswerValueError(`${path}.strength`, choice === "tie" ? "a tie has no strength" : `${field.title} asks for no strength`);
      if (!(value.strength === 1 || value.strength === 2 || value.strength === 3)) throw new AnswerValueError(`${path}.strength`, "strength is 1 (slightly), 2 (clearly) or 3 (much) better");
      return { choice, strength: value.strength };
    }
  }
}

/**
 * An answer's values checked against the queue's fields: every required field answered, optional ones
 * answered or left out, nothing else. Returns the values in field order, normalised (trimmed text,
 * multi-select in option order).
 */
export function checkAnswerValues(fields: readonly LabelField[], values: Record<string, unknown>): LabelValues {
  const unknown = Object.keys(values).find((key) => !fields.some((field) => field.key === key));
  if (unknown !== undefined) throw new AnswerValueError(`values.${unknown}`, "this queue has no such field");
  const checked: LabelValues = {};
  for (const field of fields) {
    const value = values[field.key];
    const path = `values.${field.key}`;
    if (value === undefined || value === null) {
      if (field.required) throw new AnswerValueError(path, `answer ${field.title}`);
      continue;
    }
    checked[field.key] = checkValue(field, value, path);
  }
  return checked;
}
