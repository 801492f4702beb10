import type { z } from "zod";
import type { SignalKind } from "@/server/ingest/schema";
import { createQueueSchema, DEFAULT_QUALITY_SETTINGS, type CreateQueueInput, type QueueMode, type SamplingRule, type samplingRuleSchema } from "@/server/queues/schema";
import { firstChoiceDraft, newCorrectionDraft, newFieldDraft, toLabelSchemaInput, type FieldDraft } from "./field-draft-state";
import { initialLoopSettingsDraft, toLoopSettingsInput, type LoopSettingsDraft } from "./loop-settings-state";
import { initialSamplingScienceDraft, toSamplingScienceDraft, toSamplingScienceInput, type SamplingScienceDraft } from "./sampling-science-state";
import { findMaxOverlapIssue, toQualitySettingsDraft, toQualitySettingsInput, type QualitySettingsDraft } from "./quality-settings-state";

export type MetadataRow = { key: string; value: string };

/** What the new-queue form holds while it is being filled in: text as typed, turned into the schema's input on submit. */
export type QueueFormState = {
  name: string;
  instructions: string;
  fields: FieldDraft[];
  allowNote: boolean;
  overlap: string;
  leaseSeconds: string;
  mode: QueueMode;
  models: string;
  tags: string;
  metadata: MetadataRow[];
  signals: SignalKind[];
  rate: string;
  science: SamplingScienceDraft;
  loop: LoopSettingsDraft;
  quality: QualitySettingsDraft;
  shouldBackfill: boolean;
};

export const initialQueueForm: QueueFormState = {
  name: "",
  instructions: "",
  fields: [newFieldDraft(), newCorrectionDraft()],
  allowNote: true,
  overlap: "2",
  leaseSeconds: "600",
  mode: "blind",
  models: "",
  tags: "",
  metadata: [],
  signals: [],
  rate: "1",
  science: initialSamplingScienceDraft,
  loop: initialLoopSettingsDraft,
  quality: toQualitySettingsDraft(DEFAULT_QUALITY_SETTINGS),
  shouldBackfill: true,
};

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Numbers and true/false match metadata as such; quotes force text, so `"42"` matches the string 42. */
export function parseMetadataValue(raw: string): string | number | boolean {
  const text = raw.trim();
  if (text === "true" || text === "false") return text === "true";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const quoted = /^"(.*)"$/.exec(text);
  return quoted ? (quoted[1] ?? "") : text;
}

/** Empty text stays NaN rather than 0, so the schema reports the missing number instead of a wrong one. */
function toNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** The sampling rule's part of a queue form: its filters and rate as typed, and the rest of the rule. */
export type SamplingRuleDraft = Pick<QueueFormState, "models" | "tags" | "metadata" | "signals" | "rate" | "science">;

/** The rule part of a form as the input of samplingRuleSchema (before parsing). */
export function toSamplingRuleInput(draft: SamplingRuleDraft): z.input<typeof samplingRuleSchema> {
  return {
    models: splitList(draft.models),
    tags: splitList(draft.tags),
    metadata: Object.fromEntries(draft.metadata.filter((row) => row.key.trim()).map((row) => [row.key.trim(), parseMetadataValue(row.value)])),
    signals: draft.signals,
    rate: toNumber(draft.rate),
    ...toSamplingScienceInput(draft.science),
  };
}

/** A metadata value as typed: text that would read back as a number or true/false is quoted, so it stays text. */
function formatMetadataValue(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  return parseMetadataValue(value) === value ? value : `"${value}"`;
}

/** A stored rule as the form shows it, so editing it and saving without a change gives the same rule back. */
export function toSamplingRuleDraft(rule: SamplingRule): SamplingRuleDraft {
  return {
    models: rule.models.join(", "),
    tags: rule.tags.join(", "),
    metadata: Object.entries(rule.metadata).map(([key, value]) => ({ key, value: formatMetadataValue(value) })),
    signals: rule.signals,
    rate: String(rule.rate),
    science: toSamplingScienceDraft(rule),
  };
}

/** The form's state as the input of createQueueSchema (before parsing). */
export function toCreateQueueInput(state: QueueFormState): z.input<typeof createQueueSchema> {
  // Acceptable answers are options of the first single choice; values ticked before an option was renamed
  // or removed are no options any more: they are dropped, not sent.
  const choice = firstChoiceDraft(state.fields);
  const acceptableValues = state.loop.acceptableValues.filter((value) => choice?.options.some((option) => option.value === value));
  return {
    name: state.name,
    instructions: state.instructions,
    labelSchema: toLabelSchemaInput(state.fields, state.allowNote),
    overlap: toNumber(state.overlap),
    leaseSeconds: toNumber(state.leaseSeconds),
    mode: state.mode,
    samplingRule: toSamplingRuleInput(state),
    ...toQualitySettingsInput(state.quality),
    ...toLoopSettingsInput({ ...state.loop, acceptableValues }, choice?.key ?? ""),
  };
}

/**
 * The form control an issue of createQueueSchema is about, by its path: a label field's part is
 * `fields.<i>.<part>` (`fields.0.options.1.title`, `fields.2.max`), the field list itself `fields`.
 */
export function fieldForIssuePath(path: readonly PropertyKey[]): string {
  const [head, second, ...rest] = path.map(String);
  if (head === "labelSchema" && second === "fields") return ["fields", ...rest].join(".");
  if (head === "samplingRule") return second ?? "rate";
  return head ?? "form";
}

export type QueueFormValidation = { success: true; data: CreateQueueInput } | { success: false; errors: Record<string, string> };

/** Validates with the same schema the server uses and puts each first message on the control it belongs to. */
export function validateQueueForm(state: QueueFormState): QueueFormValidation {
  const result = createQueueSchema.safeParse(toCreateQueueInput(state));
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const field = fieldForIssuePath(issue.path);
    errors[field] ??= issue.code === "invalid_type" && issue.expected === "number" ? "enter a number" : issue.message;
  }
  const kIssue = findMaxOverlapIssue(toNumber(state.overlap), state.quality.maxOverlap);
  if (kIssue) errors.maxOverlap ??= kIssue;
  if (result.success && Object.keys(errors).length === 0) return { success: true, data: result.data };
  // An option without a title has no derived value yet: one message on the title says it all.
  state.fields.forEach((field, at) => {
    field.options.forEach((option, index) => {
      const prefix = `fields.${at}.options.${index}`;
      if (option.value === "" && errors[`${prefix}.title`]) delete errors[`${prefix}.value`];
    });
    if (errors[`fields.${at}.options`] === "option values must be distinct" && field.options.some((option) => option.value === "")) delete errors[`fields.${at}.options`];
  });
  return { success: false, errors };
}

