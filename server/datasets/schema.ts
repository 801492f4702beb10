import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

export const datasetSlugSchema = safeText(64)
  .regex(/^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/, "use lowercase letters, digits and -, starting and ending with a letter or digit");

const fraction = (name: string) =>
  z.number(`enter the ${name} share as a number from 0 to 1`).min(0, `the ${name} share is from 0 to 1`).max(1, `the ${name} share is from 0 to 1`);

export const correctionModes = ["allow_original", "require_correction"] as const;
export type CorrectionMode = (typeof correctionModes)[number];
export const splitKeys = ["end_user_id", "trace_id", "metadata"] as const;
export type SplitKey = (typeof splitKeys)[number];
export const splitNames = ["train", "validation", "test"] as const;
export type SplitName = (typeof splitNames)[number];

const labelKeySchema = safeText(40, { tooLong: "a field key is at most 40 characters" }).min(1, "a field key must not be empty");
const labelValueSchema = safeText(40, { tooLong: "a label value is at most 40 characters" }).min(1, "a label value must not be empty");

/**
 * Which gold rows become training examples. Every filter present must hold: each label field takes one of
 * its allowed values (an empty list allows any), confidence, queue, when the gold was decided, and whether a
 * correction is required.
 */
const recipeFields = {
  queueIds: z.array(z.uuid("pick queues of this project")).min(1, "pick at least one queue").max(100, "pick at most 100 queues"),
  /** Gold labels below this confidence stay out. */
  minConfidence: z.number("enter a number from 0 to 1").min(0, "use a number from 0 to 1").max(1, "use a number from 0 to 1").default(0),
  labelFilters: z
    .record(labelKeySchema, z.array(labelValueSchema).max(20, "allow at most 20 values per field"))
    .refine((filters) => Object.keys(filters).length <= 20, "filter on at most 20 fields")
    .default({}),
  correctionMode: z.enum(correctionModes, "pick allow_original or require_correction").default("allow_original"),
  goldFrom: z.date("enter a start date").nullable().default(null),
  goldUntil: z.date("enter an end date").nullable().default(null),
};

/** How rows are split: shares that add up to 1, and the key whose hash picks a row's split. */
const splitFields = {
  splitTrain: fraction("train").default(0.8),
  splitValidation: fraction("validation").default(0.1),
  splitTest: fraction("test").default(0.1),
  splitKey: z.enum(splitKeys, "pick end_user_id, trace_id or metadata").default("end_user_id"),
  splitMetadataKey: safeText(100, { trim: true, tooLong: "a metadata key is at most 100 characters" }).min(1, "name the metadata key").nullable().default(null),
};

const SHARE_TOLERANCE = 1e-6;

type RecipeShape = { goldFrom: Date | null; goldUntil: Date | null; splitTrain: number; splitValidation: number; splitTest: number; splitKey: SplitKey; splitMetadataKey: string | null };

/** The checks that span fields, each naming the field a form should point at. */
function withRecipeChecks<T extends z.ZodType<RecipeShape>>(schema: T) {
  return schema
    .refine((recipe) => !recipe.goldFrom || !recipe.goldUntil || recipe.goldFrom < recipe.goldUntil, {
      path: ["goldUntil"],
      message: "the end of the time range must be after its start",
    })
    .refine((recipe) => Math.abs(recipe.splitTrain + recipe.splitValidation + recipe.splitTest - 1) <= SHARE_TOLERANCE, {
      path: ["splitTest"],
      message: "the train, validation and test shares must add up to 1",
    })
    .refine((recipe) => recipe.splitKey !== "metadata" || Boolean(recipe.splitMetadataKey), { path: ["splitMetadataKey"], message: "name the metadata key that groups rows" });
}

export const createDatasetSchema = withRecipeChecks(
  z.object({
    name: safeText(120, { trim: true }).min(1, "name the dataset"),
    /** Derived from the name when absent. */
    slug: datasetSlugSchema.optional(),
    description: safeText(5_000, { tooLong: "use at most 5,000 characters" }).default(""),
    ...recipeFields,
    ...splitFields,
  }),
);
export type CreateDatasetInput = z.infer<typeof createDatasetSchema>;
/** What a caller sends before defaults are filled in. */
export type CreateDatasetRequest = z.input<typeof createDatasetSchema>;

/** A dataset's name, description, recipe and split rule, replaced whole; the split rule is fixed once a release exists. */
export const updateDatasetSchema = withRecipeChecks(
  z.object({
    datasetId: z.uuid("datasetId must be a dataset id"),
    name: safeText(120, { trim: true }).min(1, "name the dataset"),
    description: safeText(5_000, { tooLong: "use at most 5,000 characters" }).default(""),
    ...recipeFields,
    ...splitFields,
  }),
);
export type UpdateDatasetInput = z.infer<typeof updateDatasetSchema>;

/** The recipe and split rule as a release records them, so its job builds it as it was asked for. */
export const releaseRecipeSchema = z.object({
  queueIds: z.array(z.string()),
  minConfidence: z.number(),
  labelFilters: z.record(z.string(), z.array(z.string())),
  correctionMode: z.enum(correctionModes),
  goldFrom: z.string().nullable(),
  goldUntil: z.string().nullable(),
  splitTrain: z.number(),
  splitValidation: z.number(),
  splitTest: z.number(),
  splitKey: z.enum(splitKeys),
  splitMetadataKey: z.string().nullable(),
});
export type ReleaseRecipe = z.infer<typeof releaseRecipeSchema>;

export const datasetIdSchema = z.object({ datasetId: z.uuid("datasetId must be a dataset id") });

const releaseNotesSchema = safeText(5_000, { tooLong: "use at most 5,000 characters" }).default("");

export const publishReleaseSchema = datasetIdSchema.extend({ notes: releaseNotesSchema });
export type PublishReleaseInput = z.infer<typeof publishReleaseSchema>;

/** The body of `POST /api/v1/datasets/{slug}/releases`; it may be empty. */
export const publishReleaseBodySchema = z.object({ notes: releaseNotesSchema });

/** The highest release number a dataset can have (the column is an int4). */
export const MAX_RELEASE_NUMBER = 2_147_483_647;

/** A release number as it appears in a status URL: decimal digits, no sign or exponent. */
export const releaseNumberParamSchema = safeText(100)
  .regex(/^[1-9][0-9]*$/, "release must be a positive number")
  .transform(Number)
  .pipe(z.number().max(MAX_RELEASE_NUMBER, "no release has so high a number"));

export const releaseNumberSchema = z.number("release must be a release number").int("release must be a whole number").positive("release must be a positive number").max(MAX_RELEASE_NUMBER, "no release has so high a number");

/** One release of a dataset, by number. */
export const datasetReleaseSchema = datasetIdSchema.extend({ release: releaseNumberSchema });

export const releaseStatuses = ["queued", "publishing", "published", "failed"] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];

export const BROWSE_PAGE_SIZE = 50;

/** A page of a release's rows, filtered; `label` is `field=value`, `search` looks in the external id, input and output. */
export const browseReleaseRowsSchema = datasetReleaseSchema.extend({
  split: z.enum(splitNames, "pick train, validation or test").optional(),
  label: safeText(100, { tooLong: "a label filter is at most 100 characters" }).regex(/^[^=]+=.+$/, "filter labels as field=value").optional(),
  change: z.enum(["added", "relabelled", "unchanged"], "pick added, relabelled or unchanged").optional(),
  search: safeText(200, { trim: true, tooLong: "search for at most 200 characters" }).optional(),
  page: z.number("page must be a number").int("page must be a whole number").min(1, "pages start at 1").max(100_000, "page is too far").default(1),
});
export type BrowseReleaseRowsInput = z.infer<typeof browseReleaseRowsSchema>;

/** A page of what changed from the previous published release to this one. */
export const releaseChangesSchema = datasetReleaseSchema.extend({
  change: z.enum(["added", "removed", "relabelled"], "pick added, removed or relabelled").optional(),
  page: z.number("page must be a number").int("page must be a whole number").min(1, "pages start at 1").max(100_000, "page is too far").default(1),
});
export type ReleaseChangesInput = z.infer<typeof releaseChangesSchema>;


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
  split: z.enum(["train", "validation", "test"], "split is train, validation or test"),
  schema_version: z.number().int("schema_version must be a whole number").nullable(),
  queue: z.string().nullable(),
  lineage: z.object({
    output_id: z.number().int("output_id must be a whole number"),
    trace_id: z.string().nullable(),
    gold_label_id: z.number().int("gold_label_id must be a whole number"),
    supersedes: z.number().int("supersedes must be a whole number").nullable(),
    annotations: z.array(
      z.object({ annotator: z.string().regex(/^ann_[0-9a-f]{12}$/, "annotator must be a pseudonymous id"), values: z.record(z.string(), z.unknown()), correction: z.string().nullable(), submitted_at: z.string() }),
    ),
    gold: z.object({ method: z.string(), confidence: z.number(), adjudicator: z.string().nullable(), created_at: z.string() }),
  }),
});
export type ReleaseRow = z.infer<typeof releaseRowSchema>;

/** Where an API client follows a release being published. */
export function releaseStatusPath(datasetSlug: string, release: number): string {
  return `/api/v1/datasets/${datasetSlug}/releases/${release}/status`;
}

/** The path an API client pulls a release from. */
export function releasePullPath(datasetSlug: string, release: number | "latest" = "latest"): string {
  return `/api/v1/datasets/${datasetSlug}/releases/${release}`;
}
