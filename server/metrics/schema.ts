import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";
import { granularities, type Granularity } from "./catalog";

/** Windows computed unless a project says otherwise. */
export const DEFAULT_GRANULARITIES: readonly Granularity[] = granularities;
/** Past windows a detector compares the current one against, unless a project says otherwise. */
export const DEFAULT_REFERENCE_WINDOWS = 7;
export const MAX_DRIFT_METADATA_KEYS = 20;

const granularitySchema = z.enum(granularities, `a granularity is one of ${granularities.join(", ")}`);

export const loopSettingsSchema = z.object({
  granularities: z
    .array(granularitySchema, "granularities must be a list")
    .min(1, "granularities: keep at least one of hour, day")
    .refine((list) => new Set(list).size === list.length, "granularities: name each granularity once"),
  driftMetadataKeys: z
    .array(safeText(100, { trim: true, error: "a metadata key must be text", tooLong: "a metadata key is at most 100 characters" }).min(1, "a metadata key must not be empty"), "driftMetadataKeys must be a list")
    .max(MAX_DRIFT_METADATA_KEYS, `driftMetadataKeys: watch at most ${MAX_DRIFT_METADATA_KEYS} keys`)
    .refine((list) => new Set(list).size === list.length, "driftMetadataKeys: name each key once"),
  referenceWindows: z
    .number("referenceWindows must be a number")
    .int("referenceWindows must be a whole number")
    .min(3, "referenceWindows: compare against at least 3 windows")
    .max(30, "referenceWindows: compare against at most 30 windows"),
});
/** Which windows the metrics job computes, which metadata keys it watches for input drift, and how many past windows detectors compare against. */
export type LoopSettings = z.infer<typeof loopSettingsSchema>;

/** Change any of the settings; the ones left out keep their value. */
export const updateLoopSettingsSchema = loopSettingsSchema.partial();
export type UpdateLoopSettingsInput = z.infer<typeof updateLoopSettingsSchema>;

export const backfillMetricsSchema = z.object({
  /** Recompute windows from this instant on; absent means the project's whole history. */
  since: z
    .date("since must be a date")
    .refine((since) => since.getTime() <= Date.now(), "since must not be in the future")
    .optional(),
});
export type BackfillMetricsInput = z.infer<typeof backfillMetricsSchema>;

/**
 * A project's settings as stored, each missing or unreadable part replaced by its default, so a project
 * created before loop settings existed (stored `{}`) reads as "hourly and daily, no metadata keys".
 */
export function readLoopSettings(stored: unknown): LoopSettings {
  const parts = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const pick = <K extends keyof LoopSettings>(key: K, fallback: LoopSettings[K]): LoopSettings[K] => {
    const parsed = loopSettingsSchema.shape[key].safeParse(parts[key]);
    return parsed.success ? (parsed.data as LoopSettings[K]) : fallback;
  };
  return {
    granularities: pick("granularities", [...DEFAULT_GRANULARITIES]),
    driftMetadataKeys: pick("driftMetadataKeys", []),
    referenceWindows: pick("referenceWindows", DEFAULT_REFERENCE_WINDOWS),
  };
}
