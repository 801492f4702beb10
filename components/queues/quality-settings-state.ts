import type { z } from "zod";
import { qualitySettingsSchema, type ConsensusMethod, type QualitySettings } from "@/server/queues/schema";
import type { SettingsValidation } from "./use-settings-form";
import { nearUnanimousShare } from "@/server/resolution/rules";

/** The quality settings as a form holds them: numbers as typed, an empty optional number meaning "off". */
export type QualitySettingsDraft = {
  consensusMethod: ConsensusMethod;
  majorityThreshold: string;
  minPosterior: string;
  maxOverlap: string;
  goldItemRate: string;
  gateMinAccuracy: string;
  gateMinGoldItems: string;
  dailyCap: string;
};

/** A stored queue's settings as a draft. */
export function toQualitySettingsDraft(settings: QualitySettings): QualitySettingsDraft {
  const optional = (value: number | null) => (value === null ? "" : String(value));
  return {
    consensusMethod: settings.consensusMethod,
    majorityThreshold: String(settings.majorityThreshold),
    minPosterior: String(settings.minPosterior),
    maxOverlap: optional(settings.maxOverlap),
    goldItemRate: String(settings.goldItemRate),
    gateMinAccuracy: optional(settings.gateMinAccuracy),
    gateMinGoldItems: String(settings.gateMinGoldItems),
    dailyCap: optional(settings.dailyCap),
  };
}

/** Empty text stays NaN rather than 0, so the schema reports the missing number instead of a wrong one. */
function toNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** An optional setting: empty means off (null). */
function toOptionalNumber(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

/** The draft as qualitySettingsSchema input. */
export function toQualitySettingsInput(draft: QualitySettingsDraft): z.input<typeof qualitySettingsSchema> {
  return {
    consensusMethod: draft.consensusMethod,
    majorityThreshold: toNumber(draft.majorityThreshold),
    minPosterior: toNumber(draft.minPosterior),
    maxOverlap: toOptionalNumber(draft.maxOverlap),
    goldItemRate: toNumber(draft.goldItemRate),
    gateMinAccuracy: toOptionalNumber(draft.gateMinAccuracy),
    gateMinGoldItems: toNumber(draft.gateMinGoldItems),
    dailyCap: toOptionalNumber(draft.dailyCap),
  };
}

/** Validates with the server's schema, one message per control; K is checked against the queue's k as the server does. */
export function validateQualitySettings(draft: QualitySettingsDraft, overlap: number): SettingsValidation<QualitySettings> {
  const result = qualitySettingsSchema.safeParse(toQualitySettingsInput(draft));
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "form");
      errors[field] ??= issue.code === "invalid_type" && issue.expected === "number" ? "enter a number" : issue.message;
    }
  }
  const kIssue = findMaxOverlapIssue(overlap, draft.maxOverlap);
  if (kIssue) errors.maxOverlap ??= kIssue;
  if (result.success && Object.keys(errors).length === 0) return { success: true, data: result.data };
  return { success: false, errors };
}

/** K below k, as the server words it; the schema alone cannot see both numbers. */
export function findMaxOverlapIssue(overlap: number, maxOverlapText: string): string | null {
  const maxOverlap = toNumber(maxOverlapText);
  return Number.isFinite(overlap) && maxOverlap < overlap ? `maxOverlap must be at least the overlap (${overlap})` : null;
}

/**
 * Adaptive overlap asks for more people only when k answers fall short of the threshold. When a
 * (k−1)-to-1 split already meets it (2 of 3 = 67 % ≥ 60 %), only more even splits grow the review, and with
 * two options and an odd k whose closest split meets it too, none can: say so, and what threshold would
 * grow it on any split.
 */
export function describeAdaptiveReach(draft: QualitySettingsDraft, overlap: number): string | null {
  const threshold = toNumber(draft.majorityThreshold);
  if (draft.consensusMethod !== "majority" || draft.maxOverlap.trim() === "" || !Number.isInteger(overlap) || overlap < 2 || !Number.isFinite(threshold)) return null;
  const nearUnanimous = nearUnanimousShare(overlap);
  if (threshold > nearUnanimous) return null;
  const closestTwoOptionShare = Math.ceil(overlap / 2) / overlap;
  const isTwoOptionsStuck = overlap % 2 === 1 && threshold <= closestTwoOptionShare;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return `At k = ${overlap} a ${overlap - 1}–1 split already reaches ${percent(threshold)}, so only more even splits ask for more people${isTwoOptionsStuck ? " (with two options, none do)" : ""}. Set the threshold above ${percent(nearUnanimous)} to grow the review on any split.`;
}
