import { z } from "zod";

/**
 * The one text primitive for everything that enters the system. Client-safe: forms and services parse
 * with the same schemas, so this module imports nothing but zod.
 */

/** Why text holding what Postgres cannot store is refused. */
export const UNSTORABLE_TEXT_REASON = "text must not contain NUL characters or unpaired UTF-16 surrogates";

// Postgres text and jsonb refuse NUL, and jsonb refuses unpaired surrogates; refused at the edge, they are a
// 400 naming the field instead of a database error. The first, cheap test rules out almost all text; emoji
// (paired surrogates) fall through to the exact one.
const MAYBE_UNSTORABLE = /[\u0000\ud800-\udfff]/;
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE.source, "g");

/** True when Postgres could not store the text: it holds NUL or an unpaired UTF-16 surrogate. */
export const isUnstorableText = (text: string) => MAYBE_UNSTORABLE.test(text) && UNSTORABLE.test(text);

/** The text without its NUL characters and unpaired surrogates; text that has none comes back as it is. */
export const stripUnstorableText = (text: string) => (isUnstorableText(text) ? text.replace(EVERY_UNSTORABLE, "") : text);

// The guard test recognises the primitive by this exact function among a string schema's checks.
function isStorableText(text: string): boolean {
  return !isUnstorableText(text);
}

export type SafeTextOptions = {
  /** Trim before the length is checked, as a form field should. */
  trim?: boolean;
  /** The message when the value is not text at all (or is missing, unless `missing` says otherwise). */
  error?: string;
  /** The message when the value is missing, where that differs from being of the wrong type. */
  missing?: string;
  /** The message when the text is longer than the bound. */
  tooLong?: string;
};

/**
 * Text of at most `maxLength` characters that Postgres can store. Every string of every tRPC input and
 * REST body is one of these (a guard test walks the router); chain `.min()`, `.regex()` and the like on it.
 */
export function safeText(maxLength: number, options: SafeTextOptions = {}) {
  const { error, missing } = options;
  const text = error === undefined && missing === undefined ? z.string() : z.string({ error: (issue) => (issue.input === undefined ? (missing ?? error) : error) });
  return (options.trim ? text.trim() : text)
    .max(maxLength, options.tooLong ?? `use at most ${maxLength} characters`)
    .refine(isStorableText, { message: UNSTORABLE_TEXT_REASON, abort: true });
}

/** True when a zod string schema was built by safeText (whatever was chained on it since). */
export function isSafeTextSchema(schema: z.core.$ZodType): boolean {
  const checks = (schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  return checks.some((check) => (check._zod.def as { fn?: unknown }).fn === isStorableText);
}
