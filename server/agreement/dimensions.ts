import type { LabelField, SchemaField } from "@/server/labels/field-types";
import { answerFields } from "@/server/labels/label-schema";
import type { MeasurementLevel } from "@/server/quality/reliability-data";

/**
 * Where one measured answer sits in an annotation's values: the field's own value (a choice, a rating, a
 * number), one member of it (a rubric criterion's score, a pairwise choice), or whether a multi-select
 * field ticked one option.
 */
export type AnswerPart = { kind: "value" } | { kind: "member"; member: string } | { kind: "ticked"; option: string };

/**
 * One thing agreement is measured on: a single-choice, rating, number or pairwise field, each criterion of a
 * rubric, each option of a multi-select. `levels` are its values in scale order (a number field's come from
 * the answers), `level` the Krippendorff α level that fits it.
 */
export type AgreementDimension = {
  key: string;
  title: string;
  fieldKey: string;
  part: AnswerPart;
  levels: string[];
  level: MeasurementLevel;
  /** A single-choice field: what agreement with the others, judges and Dawid–Skene read. */
  isChoice: boolean;
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

function dimensionsOf(field: LabelField): AgreementDimension[] {
  const base = { fieldKey: field.key, isChoice: false };
  switch (field.type) {
    case "categorical":
      return [{ ...base, key: field.key, title: field.title, part: { kind: "value" }, levels: field.options.map((option) => option.value), level: "nominal", isChoice: true }];
    case "rating":
      return [{ ...base, key: field.key, title: field.title, part: { kind: "value" }, levels: range(1, field.max), level: "ordinal" }];
    case "number":
      return [{ ...base, key: field.key, title: field.title, part: { kind: "value" }, levels: [], level: "interval" }];
    case "pairwise":
      // A tie sits between the two sides.
      return [{ ...base, key: field.key, title: field.title, part: { kind: "member", member: "choice" }, levels: ["a", "tie", "b"], level: "ordinal" }];
    case "rubric":
      return field.criteria.map((criterion) => ({
        ...base,
        key: `${field.key}.${criterion.key}`,
        title: `${field.title}: ${criterion.title}`,
        part: { kind: "member", member: criterion.key },
        levels: criterion.scale === "pass_fail" ? ["true", "false"] : range(1, 5),
        level: criterion.scale === "pass_fail" ? "nominal" : "ordinal",
      }));
    case "multi_select":
      return field.options.map((option) => ({
        ...base,
        key: `${field.key}.${option.value}`,
        title: `${field.title}: ${option.title}`,
        part: { kind: "ticked", option: option.value },
        levels: ["true", "false"],
        level: "nominal",
      }));
    case "free_text":
      // Free text agrees by edit distance (its gold rule), not on a scale.
      return [];
  }
}

/** Everything agreement is measured on in a label schema, in field order. */
export function listAgreementDimensions(labelSchema: { fields: readonly SchemaField[] }): AgreementDimension[] {
  return answerFields(labelSchema).flatMap(dimensionsOf);
}
