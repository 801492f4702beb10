import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

/** The most entries one page of the feed holds. */
export const MAX_GOLD_PAGE = 1_000;
export const DEFAULT_GOLD_PAGE = 100;
/** Gold label ids are Postgres bigints. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/**
 * A position in the feed: the id of the last gold label a client has seen, as decimal digits. `0`, or no
 * cursor at all, starts from the first gold label.
 */
export const goldCursorSchema = safeText(19, { tooLong: "since must be a cursor from the feed (at most 19 digits)" })
  .regex(/^(0|[1-9][0-9]*)$/, "since must be a cursor from the feed: the next_cursor of a page, or an event id of the stream")
  .refine((cursor) => !/^[0-9]+$/.test(cursor) || BigInt(cursor) <= MAX_BIGINT, "since is past any cursor the feed can give");

export const goldFeedQuerySchema = z.object({
  since: goldCursorSchema.default("0"),
  queue: z.uuid("queue must be the id of one of this project's queues").optional(),
  limit: safeText(4)
    .regex(/^[1-9][0-9]*$/, `limit must be a whole number from 1 to ${MAX_GOLD_PAGE}`)
    .transform(Number)
    .refine((limit) => limit <= MAX_GOLD_PAGE, `limit must be a whole number from 1 to ${MAX_GOLD_PAGE}`)
    .default(DEFAULT_GOLD_PAGE),
});
export type GoldFeedQuery = z.infer<typeof goldFeedQuerySchema>;

/**
 * One gold label as the feed serves it. A public contract: add fields, never rename them. A revision is a
 * new entry whose `supersedes` names the entry it replaces, so a client keeping few-shot examples swaps the
 * old one out.
 */
export const goldFeedEntrySchema = z.object({
  cursor: z.string(),
  gold_label_id: z.number().int("gold_label_id must be a whole number"),
  queue_id: z.string(),
  queue: z.string(),
  external_id: z.string(),
  trace_id: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown(),
  /** Two or more outputs for the input ({ output, model? }[]) when it was ingested with candidates, else null. */
  candidates: z.unknown(),
  label: z.record(z.string(), z.unknown()),
  correction: z.string().nullable(),
  /** The text to learn from: the correction where there is one, else the candidate a pairwise gold chose, else the original output. */
  gold_output: z.string(),
  /**
   * True when reviewers corrected the output but their corrections did not agree (an optional correction):
   * `gold_output` then falls back to a text the reviewers changed, so skip it as a training target.
   */
  correction_disputed: z.boolean(),
  method: z.string(),
  confidence: z.number().min(0, "confidence is between 0 and 1").max(1, "confidence is between 0 and 1"),
  supersedes: z.number().int("supersedes must be a whole number").nullable(),
  revision_reason: z.string().nullable(),
  created_at: z.string(),
});
export type GoldFeedEntry = z.infer<typeof goldFeedEntrySchema>;

export type GoldFeedPage = { data: GoldFeedEntry[]; next_cursor: string; has_more: boolean };
