import type { LabelField } from "@/server/labels/field-types";
import { answerFields, correctionField } from "@/server/labels/label-schema";
import type { LabelSchema } from "./schema";

/** How a field of the current version is answered: by how many answers, and how often each option or criterion appears. */
export type FieldUse = { answers: number; values: Map<string, number> };

/** Old option value → new option value, per field key: how answers that chose a removed option are carried over. */
export type OptionMappings = Record<string, Record<string, string>>;

export type SchemaChangeProblem = { field: string; message: string };

const plural = (count: number, one: string) => `${count.toLocaleString("en")} ${count === 1 ? one : `${one}s`}`;

const hasOptions = (field: LabelField): field is Extract<LabelField, { options: unknown }> => field.type === "categorical" || field.type === "multi_select";

/** Problems with one field that answers use: a type change, removed options without a mapping, a narrower scale. */
function findFieldProblems(before: LabelField, after: LabelField, use: FieldUse, mappings: Record<string, string> | undefined): SchemaChangeProblem[] {
  const at = `optionMappings.${before.key}`;
  if (before.type !== after.type) {
    return [{ field: "labelSchema", message: `${before.title} has ${plural(use.answers, "answer")}; its type cannot change (add a new field instead)` }];
  }
  const problems: SchemaChangeProblem[] = [];
  if (hasOptions(before) && hasOptions(after)) {
    const kept = new Set(after.options.map((option) => option.value));
    for (const option of before.options) {
      const count = use.values.get(option.value) ?? 0;
      if (kept.has(option.value) || count === 0) continue;
      const target = mappings?.[option.value];
      if (target === undefined) problems.push({ field: `${at}.${option.value}`, message: `${option.title} is the answer of ${plural(count, "label")}; map it to an option of ${after.title}, or keep it` });
      else if (!kept.has(target)) problems.push({ field: `${at}.${option.value}`, message: `${target} is not an option of ${after.title}` });
    }
  }
  if (before.type === "rating" && after.type === "rating") {
    const highest = Math.max(0, ...[...use.values.keys()].map(Number));
    if (highest > after.max) problems.push({ field: "labelSchema", message: `${before.title} has answers of ${highest}; its scale cannot end below that` });
  }
  if (before.type === "rubric" && after.type === "rubric") {
    for (const criterion of before.criteria) {
      const next = after.criteria.find((candidate) => candidate.key === criterion.key);
      const count = use.values.get(criterion.key) ?? 0;
      if (count === 0) continue;
      if (!next) problems.push({ field: "labelSchema", message: `${criterion.title} (${before.title}) is scored in ${plural(count, "answer")}; keep it` });
      else if (next.scale !== criterion.scale) problems.push({ field: "labelSchema", message: `${criterion.title} (${before.title}) is scored in ${plural(count, "answer")}; its scale cannot change` });
    }
  }
  return problems;
}

/**
 * Whether a new version of a queue's label schema leaves every answer of open items readable: a field
 * with answers stays (make it optional to stop asking), keeps its type, every removed option that answers
 * chose is mapped to an option of the new version, and no field becomes required that those answers lack.
 * Mappings of options nobody chose are ignored.
 * Returns the problems, each naming the input it is about, and the mappings that will be applied.
 */
export function planSchemaChange(
  before: LabelSchema,
  after: LabelSchema,
  use: ReadonlyMap<string, FieldUse> & { openAnswers: number },
  mappings: OptionMappings,
): { problems: SchemaChangeProblem[]; applied: OptionMappings } {
  const problems: SchemaChangeProblem[] = [];
  // Open items' answers move to the new version: a field they never answered cannot be required of them.
  if (use.openAnswers > 0) {
    for (const field of answerFields(after)) {
      const previous = answerFields(before).find((candidate) => candidate.key === field.key);
      if (!field.required || previous?.required) continue;
      problems.push({
        field: "labelSchema",
        message: `${field.title} would be required, but open items already have ${plural(use.openAnswers, "answer")} without it; make it optional, or change it once those items are settled`,
      });
    }
  }
  // Open items' corrections would be dropped with the field, and their gold made without them.
  const correction = correctionField(before);
  if (use.openAnswers > 0 && correction && !correctionField(after)) {
    problems.push({
      field: "labelSchema",
      message: `${correction.title} is part of ${plural(use.openAnswers, "answer")} on open items; keep the field (make it optional to stop requiring agreement), or remove it once those items are settled`,
    });
  }
  const applied: OptionMappings = {};
  for (const field of answerFields(before)) {
    const fieldUse = use.get(field.key);
    if (!fieldUse || fieldUse.answers === 0) continue;
    const next = answerFields(after).find((candidate) => candidate.key === field.key);
    if (!next) {
      problems.push({ field: "labelSchema", message: `${field.title} has ${plural(fieldUse.answers, "answer")}; keep the field (make it optional to stop asking for it)` });
      continue;
    }
    problems.push(...findFieldProblems(field, next, fieldUse, mappings[field.key]));
    if (hasOptions(field) && hasOptions(next)) {
      const kept = new Set(next.options.map((option) => option.value));
      const used = Object.entries(mappings[field.key] ?? {}).filter(([from]) => !kept.has(from) && (fieldUse.values.get(from) ?? 0) > 0);
      if (used.length > 0) applied[field.key] = Object.fromEntries(used);
    }
  }
  return { problems, applied };
}
