import type { z } from "zod";
import { loopSettingsSchema, type LoopSettings, type SuggestionDisplay } from "@/server/queues/schema";
import type { SettingsValidation } from "./use-settings-form";

/** The loop settings as a form holds them: numbers as typed, and the option values ticked as acceptable. */
export type LoopSettingsDraft = { holdoutFraction: string; suggestionDisplay: SuggestionDisplay; decoyRate: string; acceptableValues: string[] };

export const initialLoopSettingsDraft: LoopSettingsDraft = { holdoutFraction: "0", suggestionDisplay: "hidden", decoyRate: "0", acceptableValues: [] };

/** A stored queue's settings as a draft for its single label field. */
export function toLoopSettingsDraft(settings: LoopSettings, fieldKey: string): LoopSettingsDraft {
  return {
    holdoutFraction: String(settings.holdoutFraction),
    suggestionDisplay: settings.suggestionDisplay,
    decoyRate: String(settings.decoyRate),
    acceptableValues: settings.approvalValues[fieldKey] ?? [],
  };
}

/** Empty text stays NaN rather than 0, so the schema reports the missing number instead of a wrong one. */
function toNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** The draft as loopSettingsSchema input; no ticked value means no approval values for the field. */
export function toLoopSettingsInput(draft: LoopSettingsDraft, fieldKey: string): z.input<typeof loopSettingsSchema> {
  return {
    holdoutFraction: toNumber(draft.holdoutFraction),
    suggestionDisplay: draft.suggestionDisplay,
    decoyRate: toNumber(draft.decoyRate),
    approvalValues: draft.acceptableValues.length > 0 ? { [fieldKey]: draft.acceptableValues } : {},
  };
}

/** Validates with the server's schema, one message per control (approval values under `approvalValues`). */
export function validateLoopSettings(draft: LoopSettingsDraft, fieldKey: string): SettingsValidation<LoopSettings> {
  const result = loopSettingsSchema.safeParse(toLoopSettingsInput(draft, fieldKey));
  if (result.success) return { success: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.code === "invalid_type" && issue.expected === "number" ? "enter a number" : issue.message;
  }
  return { success: false, errors };
}
