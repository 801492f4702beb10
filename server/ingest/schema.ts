import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

/** How many outputs one ingest request may carry. */
export const MAX_INGEST_BATCH = 1_000;

/** The longest prompt, completion or chat message we take: far past any model's context, well inside a request. */
export const MAX_CONVERSATION_TEXT = 1_000_000;

/**
 * An id the app sends: trimmed, so " chat-42 " and "chat-42" are one output, and erasing " user-1 " finds
 * what was sent as "user-1".
 */
const trimmedIdSchema = (field: string) =>
  safeText(200, { trim: true, missing: `${field} is required`, error: `${field} must be text`, tooLong: `${field} is at most 200 characters` }).min(1, `${field} must not be empty`);

const externalIdSchema = trimmedIdSchema("external_id");

export const chatRoles = ["system", "user", "assistant", "tool", "developer"] as const;

export const chatMessageSchema = z.object({
  role: z.enum(chatRoles, "role must be one of system, user, assistant, tool, developer"),
  content: safeText(MAX_CONVERSATION_TEXT, { error: "content must be text" }),
  name: safeText(200).optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A prompt or a completion: plain text, or a chat messages array with some text in it (there is nothing to review otherwise). */
export const conversationSchema = z.union(
  [
    safeText(MAX_CONVERSATION_TEXT).refine((text) => text.trim() !== "", "must not be empty or only spaces"),
    z
      .array(chatMessageSchema)
      .min(1, "must hold at least one message")
      .max(10_000, "must hold at most 10000 messages")
      .refine((messages) => messages.some((message) => message.content.trim() !== ""), "must hold some text: every message is empty"),
  ],
  { error: "must be text or an array of chat messages ({ role, content })" },
);
export type Conversation = z.infer<typeof conversationSchema>;

/** The earliest time taken: no model output is older, and the epoch (1970) is a missing time sent as zero. */
const EARLIEST_TIMESTAMP_MS = Date.UTC(2000, 0, 1);

/** How far ahead of the server's clock a timestamp may be: a sender's clock skew, not a date in the future. */
const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * An ISO 8601 timestamp with an offset, normalised to UTC (so an offset past Postgres's ±15:59 is stored
 * fine). Refuses a time before 2000, which also keeps out what ISO allows but Postgres cannot store (year
 * 0), and a time more than a day ahead: something that has not happened yet would be sampled on a day to
 * come and counted in a window that has not opened. A bad time rejects its item, not the batch.
 */
function timestampSchema(field: string) {
  return z.iso
    .datetime({ offset: true, error: `${field} must be an ISO 8601 timestamp` })
    .refine((value) => new Date(value).getTime() <= Date.now() + MAX_CLOCK_SKEW_MS, `${field} must not be more than a day in the future`)
    .refine((value) => new Date(value).getTime() >= EARLIEST_TIMESTAMP_MS, `${field} must be in the year 2000 or later (1970 usually means a missing time)`)
    .transform((value) => new Date(value).toISOString());
}

const metadataValueSchema = z.union([safeText(2_000), z.number(), z.boolean(), z.null()], { error: "metadata values must be text, numbers, booleans or null" });

/**
 * A model's or judge's proposed answer: option value by label field key. Checked against a queue's label
 * schema only when shown, since one output can go to several queues; a value that is not an option of
 * that queue's field is simply not shown there.
 */
export const suggestionSchema = z.object(
  {
    source: safeText(200, { trim: true, error: "source names who suggested the values, e.g. gpt-4o-judge", tooLong: "source is at most 200 characters" }).min(
      1,
      "source must not be empty",
    ),
    values: z
      .record(
        safeText(40, { tooLong: "field keys are at most 40 characters" }),
        safeText(40, { error: "each suggested value is an option value (text)", tooLong: "option values are at most 40 characters" }).min(1, "suggested values must not be empty"),
        { error: "values must be an object of field key to option value" },
      )
      .refine((values) => Object.keys(values).length > 0, "values must suggest at least one field")
      .refine((values) => Object.keys(values).length <= 20, "values suggest at most 20 fields"),
  },
  { error: "suggestion must be an object { source, values }" },
);
export type Suggestion = z.infer<typeof suggestionSchema>;

/** The most candidate outputs one input may carry: a pairwise queue compares the first two, the rest are kept for the record. */
export const MAX_CANDIDATES = 8;

/** One of several outputs the system produced for one input, and the model that produced it. */
export const candidateSchema = z.strictObject(
  {
    output: conversationSchema,
    model: safeText(200, { tooLong: "model is at most 200 characters" }).optional(),
  },
  { error: "each candidate must be an object { output, model? }" },
);
export type Candidate = z.infer<typeof candidateSchema>;

const candidatesSchema = z
  .array(candidateSchema, "candidates must be an array of { output, model? }")
  .min(2, "candidates must hold two or more outputs for the input (send one output as output)")
  .max(MAX_CANDIDATES, `candidates must hold at most ${MAX_CANDIDATES} outputs`);

/**
 * Strict: a misspelt field (`produced_At`) is rejected naming it, not silently dropped. An output sent with
 * `candidates` (two or more outputs for one input, for pairwise review) may leave `output` out: it is then
 * the first candidate, so everything that reads one output per input (metrics, exports, the editor) has one.
 */
const ingestOutputFieldsSchema = z.strictObject({
  external_id: externalIdSchema,
  trace_id: safeText(200, { tooLong: "trace_id is at most 200 characters" }).optional(),
  /** Groups the turns of one conversation into a thread. */
  session_id: trimmedIdSchema("session_id").optional(),
  input: conversationSchema,
  output: conversationSchema.optional(),
  candidates: candidatesSchema.optional(),
  model: safeText(200, { tooLong: "model is at most 200 characters" }).optional(),
  tags: z.array(safeText(100, { trim: true, tooLong: "a tag is at most 100 characters" }).min(1, "tags must not be empty")).max(50, "at most 50 tags").default([]),
  /** Flat key/value pairs; sampling filters match them by equality. */
  metadata: z.record(safeText(100, { tooLong: "metadata keys are at most 100 characters" }), metadataValueSchema).default({}),
  end_user_id: trimmedIdSchema("end_user_id").optional(),
  /** Outputs without consent are stored for lineage but never queued. Absent means the app had consent. */
  consent: z.boolean().default(true),
  produced_at: timestampSchema("produced_at").optional(),
  suggestion: suggestionSchema.optional(),
});

export const ingestOutputSchema = ingestOutputFieldsSchema
  .refine((item) => item.output !== undefined || item.candidates !== undefined, { message: "output is required (or candidates, for two or more outputs)", path: ["output"] })
  .transform(({ output, ...item }) => ({ ...item, output: output ?? item.candidates![0]!.output }));
export type IngestOutput = z.infer<typeof ingestOutputSchema>;

/** The outer shape only; items are validated one by one so each gets its own status. */
export const ingestBatchSchema = z.object({
  outputs: z.array(z.unknown(), "outputs must be an array").min(1, "send at least one output").max(MAX_INGEST_BATCH, `send at most ${MAX_INGEST_BATCH} outputs per request`),
});

export type IngestItemResult =
  | { index: number; external_id: string; status: "created"; id: number; queued: number }
  | { index: number; external_id: string; status: "duplicate"; id: number }
  | { index: number; external_id: string | null; status: "rejected"; field: string; reason: string };

export const signalKinds = ["thumbs_up", "thumbs_down", "edit", "copy", "regenerate", "score"] as const;
export const signalKindSchema = z.enum(signalKinds, `kind must be one of ${signalKinds.join(", ")}`);
export type SignalKind = z.infer<typeof signalKindSchema>;

export const ingestSignalSchema = z
  .strictObject({
    external_id: externalIdSchema,
    kind: signalKindSchema,
    /** Required for `score`; optional otherwise. */
    value: z.number().finite().optional(),
    comment: safeText(5_000, { tooLong: "comment is at most 5,000 characters" }).optional(),
    end_user_id: trimmedIdSchema("end_user_id").optional(),
    /** A retried request with the same key records the signal once. */
    idempotency_key: safeText(200, { tooLong: "idempotency_key is at most 200 characters" }).min(1, "idempotency_key must not be empty").optional(),
    occurred_at: timestampSchema("occurred_at").optional(),
  })
  .refine((signal) => signal.kind !== "score" || signal.value !== undefined, { message: "a score signal needs a numeric value", path: ["value"] });
export type IngestSignal = z.infer<typeof ingestSignalSchema>;

export const ingestSignalBatchSchema = z.object({
  signals: z.array(z.unknown(), "signals must be an array").min(1, "send at least one signal").max(MAX_INGEST_BATCH, `send at most ${MAX_INGEST_BATCH} signals per request`),
});

export type SignalItemResult =
  | { index: number; status: "created"; id: number }
  | { index: number; status: "duplicate" }
  | { index: number; status: "rejected"; field: string; reason: string };
