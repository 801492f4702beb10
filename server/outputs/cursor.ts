import { ValidationError } from "@/server/lib/errors";

/**
 * A position in the outputs list, which is ordered by (produced_at desc, id desc): the last row of a page.
 * The timestamp keeps Postgres's microseconds as text, so rows produced in the same millisecond are neither
 * skipped nor repeated. Outputs stored while a client pages either sort before its position (not shown) or
 * after it (shown on a later page, once); rows already passed never come back.
 */
export type OutputsCursor = { producedAt: string; id: number };

const PRODUCED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const INVALID = "cursor must be the next_cursor of an earlier page";

/** True for a UTC instant with microseconds that names a real day (no 30 February) in years 1 to 9999. */
function isRealInstant(text: string): boolean {
  if (!PRODUCED_AT.test(text) || text.startsWith("0000")) return false;
  const milliseconds = `${text.slice(0, 23)}Z`;
  const date = new Date(milliseconds);
  return !Number.isNaN(date.getTime()) && date.toISOString() === milliseconds;
}

export function encodeOutputsCursor(cursor: OutputsCursor): string {
  return Buffer.from(JSON.stringify([cursor.producedAt, cursor.id])).toString("base64url");
}

/** The position a cursor names; anything not made by encodeOutputsCursor is a 400 naming `cursor`. */
export function decodeOutputsCursor(text: string): OutputsCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new ValidationError(INVALID, { field: "cursor" });
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new ValidationError(INVALID, { field: "cursor" });
  const [producedAt, id] = parsed as unknown[];
  const isValidId = typeof id === "number" && Number.isSafeInteger(id) && id > 0;
  if (typeof producedAt !== "string" || !isRealInstant(producedAt) || !isValidId) throw new ValidationError(INVALID, { field: "cursor" });
  return { producedAt, id };
}
