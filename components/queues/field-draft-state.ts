import type { z } from "zod";
import type { RubricScale, SchemaField, schemaFieldSchema, SchemaFieldType } from "@/server/labels/field-types";
import { DEFAULT_CORRECTION_TITLE, freeCorrectionKey } from "@/server/labels/label-schema";
import type { LabelSchemaInput } from "@/server/queues/schema";

export type OptionRow = { title: string; value: string; isValueEdited: boolean };
export type CriterionRow = { title: string; key: string; isKeyEdited: boolean; description: string; scale: RubricScale; assertion: boolean };

/** The field types the builder offers: every type. */
export const buildableFieldTypes = ["categorical", "multi_select", "rating", "number", "free_text", "rubric", "pairwise", "corrected_output"] as const satisfies readonly SchemaFieldType[];
export type BuildableFieldType = (typeof buildableFieldTypes)[number];

/**
 * One field of the new-queue form as typed: every type's settings are kept while the lead switches types,
 * so switching back loses nothing; only the chosen type's are sent.
 */
export type FieldDraft = {
  /** Stays with the field while it moves, so its card (and the focus in it) moves with it. */
  id: string;
  type: BuildableFieldType;
  title: string;
  key: string;
  isKeyEdited: boolean;
  hint: string;
  required: boolean;
  options: OptionRow[];
  /** Rating: the top of the scale, and what each point means, one per line. */
  ratingMax: string;
  anchors: string;
  /** Number: the range, step and unit. */
  min: string;
  max: string;
  step: string;
  unit: string;
  /** Free text: the longest answer. */
  maxLength: string;
  criteria: CriterionRow[];
  /** Single choice: "queue" follows the queue's majority threshold; "unanimous" needs every answer equal. */
  choiceRule: "queue" | "unanimous";
  /** Rating and number: mean or median of the answers. */
  centreRule: "mean" | "median";
  /** The share an option or pass/fail needs (multi-select, rubric). */
  threshold: string;
  /** How far apart answers may lie (rating, number, rubric scores). */
  maxSpread: string;
  /** How far (0–1 of the text) a free-text answer may be from the medoid. */
  maxDistance: string;
  /** Pairwise: ask how much better the chosen candidate is, and what a split vote becomes. */
  askStrength: boolean;
  onSplit: "tie" | "conflict";
  /** Corrected output: identical corrections, or the most central one within a distance (0–1 of the text). */
  correctionRule: "identical" | "medoid";
  correctionDistance: string;
};

export const MAX_FIELDS = 12;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;

const emptyOption = (): OptionRow => ({ title: "", value: "", isValueEdited: false });
export const emptyCriterion = (): CriterionRow => ({ title: "", key: "", isKeyEdited: false, description: "", scale: "pass_fail", assertion: false });

let draftCount = 0;

export function newFieldDraft(type: BuildableFieldType = "categorical"): FieldDraft {
  draftCount += 1;
  return {
    id: `field-${draftCount}`,
    type,
    title: "",
    key: "",
    isKeyEdited: false,
    hint: "",
    required: true,
    options: [emptyOption(), emptyOption()],
    ratingMax: "5",
    anchors: "",
    min: "0",
    max: "10",
    step: "1",
    unit: "",
    maxLength: "2000",
    criteria: [emptyCriterion()],
    choiceRule: "queue",
    centreRule: "median",
    threshold: "0.6",
    maxSpread: type === "number" ? "0" : "1",
    maxDistance: "0.3",
    askStrength: true,
    onSplit: "conflict",
    correctionRule: "identical",
    correctionDistance: "0.1",
  };
}

/** The corrected output as a new queue starts with it: last, titled, required, under a key no other field has. */
export function newCorrectionDraft(fields: readonly FieldDraft[] = []): FieldDraft {
  const key = freeCorrectionKey(new Set(fields.map((field, index) => fieldKeyOf(field, index))));
  return { ...newFieldDraft("corrected_output"), title: DEFAULT_CORRECTION_TITLE, key, isKeyEdited: key !== deriveKey(DEFAULT_CORRECTION_TITLE) };
}

/** The drafts with a new field added: last, or just before a corrected output that closes the list. */
export function addFieldDraft(fields: readonly FieldDraft[]): FieldDraft[] {
  const closesWithCorrection = fields.at(-1)?.type === "corrected_output";
  return closesWithCorrection ? [...fields.slice(0, -1), newFieldDraft(), fields.at(-1)!] : [...fields, newFieldDraft()];
}

/** How many fields count against the limit of twelve: every one but the corrected output. */
export const countAnswerDrafts = (fields: readonly FieldDraft[]) => fields.filter((field) => field.type !== "corrected_output").length;

/** A machine key from a human title: "Needs a fix!" → "needs_a_fix". Matches the schema's key pattern when the title has a letter or digit. */
export function deriveKey(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
}

/** The key a field draft is sent with: as typed, else derived from its title, else its position. */
const fieldKeyOf = (draft: Pick<FieldDraft, "key" | "title">, index: number) => draft.key || deriveKey(draft.title) || `field_${index + 1}`;

/** Empty text stays NaN rather than 0, so the schema reports the missing number instead of a wrong one. */
const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** A field draft as the input of the label field schema (before parsing); a field without a typed key gets one from its title. */
export function toFieldInput(draft: FieldDraft, index: number): z.input<typeof schemaFieldSchema> {
  const common = { key: fieldKeyOf(draft, index), title: draft.title, hint: draft.hint, required: draft.required };
  const options = draft.options.map((option) => ({ title: option.title, value: option.value }));
  switch (draft.type) {
    case "categorical":
      return { ...common, type: "categorical", options, consensus: draft.choiceRule === "unanimous" ? { rule: "unanimous" } : undefined };
    case "multi_select":
      return { ...common, type: "multi_select", options, consensus: { rule: "per_option", threshold: toNumber(draft.threshold) } };
    case "rating":
      return {
        ...common,
        type: "rating",
        max: toNumber(draft.ratingMax),
        anchors: draft.anchors.split("\n").map((line) => line.trim()).filter(Boolean),
        consensus: { rule: draft.centreRule, maxSpread: toNumber(draft.maxSpread) },
      };
    case "number":
      return {
        ...common,
        type: "number",
        min: toNumber(draft.min),
        max: toNumber(draft.max),
        step: toNumber(draft.step),
        unit: draft.unit,
        consensus: { rule: draft.centreRule, maxSpread: toNumber(draft.maxSpread) },
      };
    case "free_text":
      return { ...common, type: "free_text", maxLength: toNumber(draft.maxLength), consensus: { rule: "medoid", maxDistance: toNumber(draft.maxDistance) } };
    case "rubric":
      return {
        ...common,
        type: "rubric",
        criteria: draft.criteria.map((criterion, at) => ({
          key: criterion.key || deriveKey(criterion.title) || `criterion_${at + 1}`,
          title: criterion.title,
          description: criterion.description,
          scale: criterion.scale,
          assertion: criterion.assertion,
        })),
        consensus: { rule: "per_criterion", threshold: toNumber(draft.threshold), maxSpread: toNumber(draft.maxSpread) },
      };
    case "pairwise":
      return { ...common, type: "pairwise", askStrength: draft.askStrength, consensus: { rule: "majority", threshold: toNumber(draft.threshold), onSplit: draft.onSplit } };
    case "corrected_output":
      return { ...common, type: "corrected_output", consensus: draft.correctionRule === "medoid" ? { rule: "medoid", maxDistance: toNumber(draft.correctionDistance) } : { rule: "identical" } };
  }
}

/** The option values of the first single-choice draft, for the loop settings' acceptable answers. */
export function firstChoiceDraft(fields: readonly FieldDraft[]): { key: string; options: OptionRow[] } | null {
  const index = fields.findIndex((field) => field.type === "categorical");
  if (index === -1) return null;
  const field = fields[index]!;
  return { key: fieldKeyOf(field, index), options: field.options };
}

/** A stored field as the builder shows it, so saving it unchanged gives the same field back. */
export function toFieldDraft(field: SchemaField): FieldDraft {
  const draft: FieldDraft = { ...newFieldDraft(field.type), title: field.title, key: field.key, isKeyEdited: true, hint: field.hint, required: field.required };
  switch (field.type) {
    case "categorical":
      return { ...draft, options: field.options.map((option) => ({ title: option.title, value: option.value, isValueEdited: true })), choiceRule: field.consensus?.rule === "unanimous" ? "unanimous" : "queue" };
    case "multi_select":
      return { ...draft, options: field.options.map((option) => ({ title: option.title, value: option.value, isValueEdited: true })), threshold: String(field.consensus.threshold) };
    case "rating":
      return { ...draft, ratingMax: String(field.max), anchors: field.anchors.join("\n"), centreRule: field.consensus.rule, maxSpread: String(field.consensus.maxSpread) };
    case "number":
      return { ...draft, min: String(field.min), max: String(field.max), step: String(field.step), unit: field.unit, centreRule: field.consensus.rule, maxSpread: String(field.consensus.maxSpread) };
    case "free_text":
      return { ...draft, maxLength: String(field.maxLength), maxDistance: String(field.consensus.maxDistance) };
    case "rubric":
      return {
        ...draft,
        criteria: field.criteria.map((criterion) => ({ title: criterion.title, key: criterion.key, isKeyEdited: true, description: criterion.description, scale: criterion.scale, assertion: criterion.assertion })),
        threshold: String(field.consensus.threshold),
        maxSpread: String(field.consensus.maxSpread),
      };
    case "pairwise":
      return { ...draft, askStrength: field.askStrength, threshold: String(field.consensus.threshold), onSplit: field.consensus.onSplit };
    case "corrected_output":
      return field.consensus.rule === "medoid" ? { ...draft, correctionRule: "medoid", correctionDistance: String(field.consensus.maxDistance) } : draft;
  }
}

/** The options a new version drops from each single or multiple choice field that keeps its key: answers that chose them need a new home. */
export function findRemovedOptions(before: readonly SchemaField[], after: readonly FieldDraft[]): Array<{ fieldKey: string; fieldTitle: string; removed: { value: string; title: string }[]; options: OptionRow[] }> {
  return before.flatMap((field) => {
    if (field.type !== "categorical" && field.type !== "multi_select") return [];
    const next = after.find((draft, at) => fieldKeyOf(draft, at) === field.key && draft.type === field.type);
    if (!next) return [];
    const kept = new Set(next.options.map((option) => option.value));
    const removed = field.options.filter((option) => !kept.has(option.value)).map((option) => ({ value: option.value, title: option.title }));
    return removed.length > 0 ? [{ fieldKey: field.key, fieldTitle: next.title || field.title, removed, options: next.options.filter((option) => option.value !== "") }] : [];
  });
}

/**
 * The label schema's input from the builder: its fields as drafted. A list without a corrected output asks
 * for none (the schema would otherwise add one, as it does for clients that predate the field).
 */
export function toLabelSchemaInput(fields: readonly FieldDraft[], allowNote: boolean): LabelSchemaInput {
  return { fields: fields.map(toFieldInput), allowNote, allowCorrection: fields.some((field) => field.type === "corrected_output") };
}
