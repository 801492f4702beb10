/** True when a pg error is a unique violation, optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === "23505" && (constraint === undefined || pgError.constraint === constraint);
}

/** Why Postgres cannot be used right now, in words an operator can act on (health shows it). */
export type DatabaseOutageReason =
  | "connection refused"
  | "connection reset"
  | "connection terminated"
  | "timeout"
  | "host not found"
  | "host unreachable"
  | "database shutting down"
  | "database starting up"
  | "too many connections"
  | "connection failure";

/** What a client is told to wait before retrying while the database is out. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const REASON_BY_SYSTEM_CODE: Record<string, DatabaseOutageReason> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  ETIMEDOUT: "timeout",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "host unreachable",
};

const REASON_BY_SQLSTATE: Record<string, DatabaseOutageReason> = {
  "57P01": "database shutting down", // admin_shutdown, also sent when the postmaster died
  "57P02": "database shutting down", // crash_shutdown: another backend crashed
  "57P03": "database starting up", // cannot_connect_now: starting up, recovering or shutting down
  "53300": "too many connections",
};

// pg and pg-pool report these without a code.
const REASON_BY_MESSAGE: [RegExp, DatabaseOutageReason][] = [
  [/timeout exceeded when trying to connect|connection timeout/i, "timeout"],
  [/^Connection terminated/i, "connection terminated"],
  [/connection error and is not queryable/i, "connection terminated"],
];

function reasonOf(error: { code?: unknown; message?: unknown }): DatabaseOutageReason | null {
  const code = typeof error.code === "string" ? error.code : "";
  const bySystemCode = REASON_BY_SYSTEM_CODE[code];
  if (bySystemCode) return bySystemCode;
  const bySqlState = REASON_BY_SQLSTATE[code];
  if (bySqlState) return bySqlState;
  // SQLSTATE class 08: connection exceptions.
  if (/^08[0-9A-Z]{3}$/.test(code)) return "connection failure";
  const message = typeof error.message === "string" ? error.message : "";
  return REASON_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}

/**
 * Why this error means Postgres is unreachable (a transient outage worth a 503 and a retry), or null for
 * every other error. Looks through `cause` chains and the `errors` of an AggregateError (a connect that
 * tried several addresses), since wrappers keep the pg error there.
 */
export function classifyDatabaseOutage(error: unknown): DatabaseOutageReason | null {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const reason = reasonOf(current as { code?: unknown; message?: unknown });
    if (reason) return reason;
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    pending.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return null;
}
