import { suggestionSchema, type Suggestion } from "@/server/ingest/schema";
import { choiceFields, type LabelSchema } from "@/server/queues/schema";
import { drawDecoy } from "@/server/sampling/draw";

/** What an assignment shows, decided at claim time; `isDecoy` never leaves the server. */
export type ShownSuggestion = { suggestion: Suggestion; isDecoy: boolean };

/**
 * The part of an output's suggestion this queue can show: the values that are options of its fields, in
 * schema order. Null when nothing fits (an output may go to queues that ask different questions).
 */
export function showableSuggestion(labelSchema: LabelSchema, stored: unknown): Suggestion | null {
  const parsed = suggestionSchema.safeParse(stored);
  if (!parsed.success) return null;
  const values: Record<string, string> = {};
  for (const field of choiceFields(labelSchema)) {
    const value = parsed.data.values[field.key];
    if (value !== undefined && field.options.some((option) => option.value === value)) values[field.key] = value;
  }
  return Object.keys(values).length > 0 ? { source: parsed.data.source, values } : null;
}

/**
 * The suggestion an assignment shows. With probability `decoyRate` (a deterministic draw on the assignment
 * id) it is a decoy: every suggested value is swapped for a different option of its field, chosen by a
 * second draw among the others, so a decoy looks exactly like a real suggestion.
 */
export function chooseShownSuggestion(labelSchema: LabelSchema, suggestion: Suggestion, decoyRate: number, assignmentId: number): ShownSuggestion {
  const draw = drawDecoy(assignmentId);
  if (draw.isDecoy >= decoyRate) return { suggestion, isDecoy: false };
  const values: Record<string, string> = {};
  for (const [fieldKey, value] of Object.entries(suggestion.values)) {
    const others = choiceFields(labelSchema).find((field) => field.key === fieldKey)?.options.filter((option) => option.value !== value) ?? [];
    const swapped = others[Math.floor(draw.option * others.length)];
    values[fieldKey] = swapped?.value ?? value;
  }
  return { suggestion: { source: suggestion.source, values }, isDecoy: true };
}

/** A stored shown suggestion as the review task carries it: source and values only, nothing else. */
export function toTaskSuggestion(stored: unknown): Suggestion | null {
  const parsed = suggestionSchema.safeParse(stored);
  return parsed.success ? { source: parsed.data.source, values: parsed.data.values } : null;
}
