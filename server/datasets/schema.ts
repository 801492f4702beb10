import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

export const datasetSlugSchema = safeText(64)
  .regex(/^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/, "use lowercase letters, digits and -, starting and ending with a letter or digit");

export const createDatasetSchema = z.object({
  name: safeText(120, { trim: true }).min(1, "name the dataset"),
  /** Derived from the name when absent. */
  slug: datasetSlugSchema.optional(),
  description: safeText(5_000, { tooLong: "use at most 5,000 characters" }).default(""),
  queueIds: z.array(z.uuid("pick queues of this project")).min(1, "pick at least one queue").max(100, "pick at most 100 queues"),
  /** Gold labels below this confidence stay out. */
  minConfidence: z.number("enter a number from 0 to 1").min(0, "use a number from 0 to 1").max(1, "use a number from 0 to 1").default(0),
});
export type CreateDatasetInput = z.infer<typeof createDatasetSchema>;

export const datasetIdSchema = z.object({ datasetId: z.uuid("datasetId must be a dataset id") });

export const publishReleaseSchema = datasetIdSchema.extend({ notes: safeText(5_000, { tooLong: "use at most 5,000 characters" }).default("") });

/** The highest release number a dataset can have (the column is an int4). */
export const MAX_RELEASE_NUMBER = 2_147_483_647;

/**
 * `latest` or a release number, as it appears in the pull URL: decimal digits, no sign or exponent. A number
 * past MAX_RELEASE_NUMBER is well-formed but names no release (a 404, not a 400).
 */
export const releaseSelectorSchema = z.union([z.literal("latest"), safeText(100).regex(/^[1-9][0-9]*$/, "release must be a positive number or latest").transform(Number)], {
  error: "release must be a positive number or latest",
});

/** What a release records about its difference from the one before it (all rows are `added` in release 1). */
export const releaseChangelogSchema = z.object({
  added: z.number().int("added must be a whole number").nonnegative("added must not be negative"),
  removed: z.number().int("removed must be a whole number").nonnegative("removed must not be negative"),
  relabelled: z.number().int("relabelled must be a whole number").nonnegative("relabelled must not be negative"),
});
export type ReleaseChangelog = z.infer<typeof releaseChangelogSchema>;

/** One line of a pulled release (JSONL). This is a public contract: add fields, never rename them. */
export const releaseRowSchema = z.object({
  release: z.number().int("release must be a whole number").positive("release must be a positive number"),
  external_id: z.string(),
  input: z.unknown(),
  output: z.unknown(),
  label: z.record(z.string(), z.unknown()),
  correction: z.string().nullable(),
  method: z.string(),
  confidence: z.number().min(0, "confidence is between 0 and 1").max(1, "confidence is between 0 and 1"),
});
export type ReleaseRow = z.infer<typeof releaseRowSchema>;

/** The path an API client pulls a release from. */
export function releasePullPath(datasetSlug: string, release: number | "latest" = "latest"): string {
  return `/api/v1/datasets/${datasetSlug}/releases/${release}`;
}
