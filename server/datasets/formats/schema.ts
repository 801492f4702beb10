import { z } from "zod";
import { ValidationError } from "@/server/lib/errors";
import { safeText } from "@/server/lib/safe-text";
import { parseInput } from "@/server/lib/validation";

/** Client-safe: the download picker and the CLI offer the same choices the pull route accepts. */

export const exportFormats = ["jsonl", "openai", "dpo", "csv", "parquet"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const releaseSplits = ["train", "validation", "test"] as const;
export type ReleaseSplit = (typeof releaseSplits)[number];

export const dpoStyles = ["trl", "openai"] as const;
export type DpoStyle = (typeof dpoStyles)[number];

/** What each format is for, shown next to the format picker. */
export const exportFormatDescriptions: Record<ExportFormat, string> = {
  jsonl: "Every field and its lineage, one JSON object a line.",
  openai: "OpenAI chat fine-tuning lines: system, user, then the gold assistant answer.",
  dpo: "Preference pairs from corrected rows: the correction is chosen, the original rejected.",
  csv: "Flat columns for spreadsheets; nested values as JSON text.",
  parquet: "Columnar file for pandas, DuckDB and Spark; messages as a list of structs.",
};

/** Formats whose lines are whole training examples: a removed row cannot be said in them, so they refuse `since`. */
export const trainingFormats: readonly ExportFormat[] = ["openai", "dpo"];

/** What a release's rows look like on the wire for a format: media type and file extension. */
export const exportFormatFiles: Record<ExportFormat, { contentType: string; extension: string }> = {
  jsonl: { contentType: "application/x-ndjson; charset=utf-8", extension: "jsonl" },
  openai: { contentType: "application/x-ndjson; charset=utf-8", extension: "jsonl" },
  dpo: { contentType: "application/x-ndjson; charset=utf-8", extension: "jsonl" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  parquet: { contentType: "application/vnd.apache.parquet", extension: "parquet" },
};

const releaseNumberText = (field: string) =>
  safeText(20, { tooLong: `${field} must be a release number` })
    .regex(/^[1-9][0-9]*$/, `${field} must be a positive whole number (a release number)`)
    .transform(Number);

/**
 * The query string of a pull: `format`, `split`, `since` and `dpo_style`, each optional. Query values arrive
 * as text, so every one is safe text first and a choice second.
 */
export const exportQuerySchema = z
  .object({
    format: safeText(20)
      .pipe(z.enum(exportFormats, `format must be one of ${exportFormats.join(", ")}`))
      .default("jsonl"),
    split: safeText(20)
      .pipe(z.enum(releaseSplits, `split must be one of ${releaseSplits.join(", ")}`))
      .optional(),
    since: releaseNumberText("since").optional(),
    dpo_style: safeText(20)
      .pipe(z.enum(dpoStyles, `dpo_style must be one of ${dpoStyles.join(", ")}`))
      .optional(),
  })
  .superRefine((query, context) => {
    if (query.dpo_style !== undefined && query.format !== "dpo") {
      context.addIssue({ code: "custom", path: ["dpo_style"], message: "dpo_style applies only to format=dpo" });
    }
    if (query.since !== undefined && trainingFormats.includes(query.format)) {
      context.addIssue({
        code: "custom",
        path: ["since"],
        message: `since is for jsonl, csv and parquet: ${query.format} lines are whole training examples and cannot say that a row was removed; pull the whole release instead`,
      });
    }
  });
export type ExportQueryInput = z.input<typeof exportQuerySchema>;

/** A parsed pull: what to render, and from which rows. */
export type ExportOptions = { format: ExportFormat; split: ReleaseSplit | null; since: number | null; dpoStyle: DpoStyle };

/** Reads the pull's query parameters; repeated parameters are refused rather than silently picking one. */
export function parseExportQuery(searchParams: URLSearchParams): ExportOptions {
  const keys = ["format", "split", "since", "dpo_style"] as const;
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const values = searchParams.getAll(key);
    if (values.length > 1) {
      throw new ValidationError(`give ${key} once`, { field: key });
    }
    if (values[0] !== undefined) raw[key] = values[0];
  }
  const query = parseInput(exportQuerySchema, raw);
  return { format: query.format, split: query.split ?? null, since: query.since ?? null, dpoStyle: query.dpo_style ?? "trl" };
}

/** The download's file name: dataset, release, what changed since, split and format, in that order. */
export function exportFileName(slug: string, release: number, options: ExportOptions): string {
  const parts = [slug, `r${release}`];
  if (options.since !== null) parts.push(`since-r${options.since}`);
  if (options.split) parts.push(options.split);
  parts.push(options.format === "dpo" ? `dpo-${options.dpoStyle}` : options.format);
  return `${parts.join("-")}.${exportFormatFiles[options.format].extension}`;
}

/** The query string for a pull with these options, leaving out defaults so the plain URL stays plain. */
export function exportQueryString(options: ExportOptions): string {
  const params = new URLSearchParams();
  if (options.format !== "jsonl") params.set("format", options.format);
  if (options.split) params.set("split", options.split);
  if (options.since !== null) params.set("since", String(options.since));
  if (options.format === "dpo" && options.dpoStyle !== "trl") params.set("dpo_style", options.dpoStyle);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Where the UI downloads a release with the signed-in session (the API-key pull's twin). */
export function releaseDownloadPath(projectSlug: string, datasetId: string, release: number, options: ExportOptions): string {
  return `/p/${projectSlug}/datasets/${datasetId}/releases/${release}/download${exportQueryString(options)}`;
}
