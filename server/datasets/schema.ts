import { z } from "zod";

export const datasetSlugSchema = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/, "use lowercase letters, digits and -, starting and ending with a letter or digit");

export const createDatasetSchema = z.object({
  name: z.string().trim().min(1, "name the dataset").max(120, "use at most 120 characters"),
  /** Derived from the name when absent. */
  slug: datasetSlugSchema.optional(),
  description: z.string().max(5_000, "use at most 5,000 characters").default(""),
  queueIds: z.array(z.uuid("pick queues of this project")).min(1, "pick at least one queue"),
  /** Gold labels below this confidence stay out. */
  minConfidence: z.number("enter a number from 0 to 1").min(0, "use a number from 0 to 1").max(1, "use a number from 0 to 1").default(0),
});
export type CreateDatasetInput = z.infer<typeof createDatasetSchema>;

export const datasetIdSchema = z.object({ datasetId: z.uuid("datasetId must be a dataset id") });

export const publishReleaseSchema = datasetIdSchema.extend({ notes: z.string().max(5_000, "use at most 5,000 characters").default("") });

/** `latest` or a release number, as it appears in the pull URL. */
export const releaseSelectorSchema = z.union([z.literal("latest"), z.coerce.number().int("release must be a whole number").positive("release must be a positive number")], {
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
