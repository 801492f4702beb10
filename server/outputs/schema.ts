import { z } from "zod";
import { signalKinds } from "@/server/ingest/schema";
import { ValidationError } from "@/server/lib/errors";
import { safeText } from "@/server/lib/safe-text";

/** Outputs per page of the browser and of `GET /api/v1/outputs`. */
export const DEFAULT_OUTPUTS_PAGE = 50;
export const MAX_OUTPUTS_PAGE = 200;
/** The most outputs one "add to queue" takes: one page, all selected. */
export const MAX_MANUAL_QUEUE_ADD = MAX_OUTPUTS_PAGE;

const signalKindFilter = z.enum(signalKinds, `signal must be one of ${signalKinds.join(", ")}`);

/** `key=value`: outputs whose metadata has this key with this value (as text, or as the number or boolean it spells). */
const metadataFilter = safeText(2_200, { tooLong: "a metadata filter is at most 2200 characters" }).regex(/^[^=]{1,100}=/, "a metadata filter is key=value, e.g. channel=web");

/** An ISO 8601 instant, normalised to UTC; years Postgres cannot store are refused here, not by the database. */
function timestampFilter(field: string) {
  return safeText(40)
    .pipe(z.iso.datetime({ offset: true, error: `${field} must be an ISO 8601 timestamp with a time zone, e.g. 2026-11-24T10:00:00Z` }))
    .transform((value) => new Date(value))
    .refine((date) => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999, `${field} must be between the years 1 and 9999`)
    .transform((date) => date.toISOString());
}

/**
 * The filters the outputs browser and the REST API share (REST spells them with snake_case query
 * parameters, see restOutputsQuerySchema). Every filter narrows: all of them must hold.
 */
export const outputFiltersSchema = z.object({
  model: safeText(200, { tooLong: "model is at most 200 characters" }).min(1, "model must not be empty").optional(),
  tags: z.array(safeText(100, { tooLong: "a tag is at most 100 characters" }).min(1, "a tag must not be empty"), "tags must be a list of tags").max(10, "filter by at most 10 tags").optional(),
  metadata: z.array(metadataFilter, "metadata must be a list of key=value filters").max(10, "filter by at most 10 metadata pairs").optional(),
  signal: signalKindFilter.optional(),
  /** Produced at or after this instant. */
  from: timestampFilter("from").optional(),
  /** Produced strictly before this instant. */
  to: timestampFilter("to").optional(),
  consent: z.boolean("consent must be true or false").optional(),
  sessionId: safeText(200, { tooLong: "sessionId is at most 200 characters" }).min(1, "sessionId must not be empty").optional(),
  endUserId: safeText(200, { tooLong: "endUserId is at most 200 characters" }).min(1, "endUserId must not be empty").optional(),
  /** Words that must all appear in the input's last message or the output (web-search syntax: "quoted phrase", -without, or). */
  q: safeText(200, { trim: true, tooLong: "q is at most 200 characters" }).min(1, "q must not be empty").optional(),
});
export type OutputFilters = z.infer<typeof outputFiltersSchema>;

const pageFields = {
  /** The `nextCursor` of the page before; opaque. */
  cursor: safeText(200, { tooLong: "cursor must be the next_cursor of a page" }).optional(),
  limit: z.int("limit must be a whole number").min(1, `limit must be from 1 to ${MAX_OUTPUTS_PAGE}`).max(MAX_OUTPUTS_PAGE, `limit must be from 1 to ${MAX_OUTPUTS_PAGE}`).default(DEFAULT_OUTPUTS_PAGE),
};

export const listOutputsSchema = outputFiltersSchema.extend(pageFields);
export type ListOutputsInput = z.infer<typeof listOutputsSchema>;

const booleanParameter = (field: string) => z.enum(["true", "false"], `${field} must be true or false`).transform((value) => value === "true");
const limitParameter = safeText(10)
  .regex(/^[0-9]+$/, `limit must be a whole number from 1 to ${MAX_OUTPUTS_PAGE}`)
  .transform(Number)
  .pipe(pageFields.limit.unwrap());

/**
 * `GET /api/v1/outputs` query parameters. `tag` and `metadata` repeat; an unknown parameter is a 400, so a
 * misspelt filter never silently widens the list.
 */
export const restOutputsQuerySchema = z
  .strictObject(
    {
      model: outputFiltersSchema.shape.model,
      tag: outputFiltersSchema.shape.tags,
      metadata: outputFiltersSchema.shape.metadata,
      signal: outputFiltersSchema.shape.signal,
      from: outputFiltersSchema.shape.from,
      to: outputFiltersSchema.shape.to,
      consent: booleanParameter("consent").optional(),
      session_id: safeText(200, { tooLong: "session_id is at most 200 characters" }).min(1, "session_id must not be empty").optional(),
      end_user_id: safeText(200, { tooLong: "end_user_id is at most 200 characters" }).min(1, "end_user_id must not be empty").optional(),
      q: outputFiltersSchema.shape.q,
      cursor: pageFields.cursor,
      limit: limitParameter.optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown query parameter: ${issue.keys.join(", ")}` : undefined) },
  )
  .transform(({ tag, session_id, end_user_id, limit, ...rest }): ListOutputsInput => ({ ...rest, tags: tag, sessionId: session_id, endUserId: end_user_id, limit: limit ?? DEFAULT_OUTPUTS_PAGE }));

const repeatedParameters = new Set(["tag", "metadata"]);

const knownParameters = new Set(["model", "tag", "metadata", "signal", "from", "to", "consent", "session_id", "end_user_id", "q", "cursor", "limit"]);

/**
 * Reads the query string into the shape restOutputsQuerySchema checks: repeated parameters as lists, the
 * rest as their first value. An unknown parameter is refused here, naming it as the field.
 */
export function readOutputsQuery(params: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    if (key === "") throw new ValidationError("a query parameter has no name (`?=value`)", { field: "query" });
    if (!knownParameters.has(key)) throw new ValidationError(`unknown query parameter: ${key}`, { field: key });
    query[key] = repeatedParameters.has(key) ? params.getAll(key) : params.get(key);
  }
  return query;
}

/** An external id in a REST path: what ingest accepts. */
export const externalIdPathSchema = z.object({
  externalId: safeText(200, { tooLong: "external_id is at most 200 characters" }).min(1, "external_id must not be empty"),
});

export const outputIdSchema = z.object({ outputId: z.int("outputId must be an output id").positive("outputId must be an output id").max(Number.MAX_SAFE_INTEGER, "outputId must be an output id") });

export const addOutputsToQueueSchema = z.object({
  queueId: z.uuid("pick a queue of this project"),
  outputIds: z
    .array(outputIdSchema.shape.outputId, "outputIds must be a list of output ids")
    .min(1, "select at least one output")
    .max(MAX_MANUAL_QUEUE_ADD, `add at most ${MAX_MANUAL_QUEUE_ADD} outputs at a time`)
    .transform((ids) => [...new Set(ids)]),
});
export type AddOutputsToQueueInput = z.infer<typeof addOutputsToQueueSchema>;

/** Why a selected output was not added to the queue. */
export const manualSkipReasons = ["no_consent", "removed_from_queue", "already_in_queue", "same_content_in_queue"] as const;
export type ManualSkipReason = (typeof manualSkipReasons)[number];
