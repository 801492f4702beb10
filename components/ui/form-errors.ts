/** The shape our tRPC error formatter adds to every error (server/api/trpc.ts). */
type ErrorData = { zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null; field?: string | null };
export type ErrorLike = { message: string; data?: ErrorData | null } | null | undefined;

const CONNECTION_PROBLEM = "Goldloop could not be reached. Check your connection and try again.";

/**
 * A domain error's message as a person reads it: the API names the field at the start for API clients
 * ("goldItemRate: a collaborative queue serves no gold checks"), the page shows it beside the field instead.
 */
function domainMessage(error: NonNullable<ErrorLike>): string {
  const field = error.data?.field;
  return field && error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
}

/** The message for one form field, from zod's field errors or a domain error that names the field. */
export function fieldError(error: ErrorLike, field: string): string | undefined {
  if (!error) return undefined;
  const zodMessage = error.data?.zodError?.fieldErrors?.[field]?.[0];
  if (zodMessage) return zodMessage;
  return error.data?.field === field ? domainMessage(error) : undefined;
}

/**
 * The message to show above the form when no single field of `fields` is to blame. A validation error's
 * own message is zod's JSON dump of every issue, so it is never shown: its first worded issue is.
 */
export function formError(error: ErrorLike, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  // Every answer from our API carries data; an error without it never reached the API (offline, a proxy's error page).
  if (!error.data) return CONNECTION_PROBLEM;
  if (fields.some((field) => fieldError(error, field))) return undefined;
  const zodError = error.data.zodError;
  if (!zodError) return domainMessage(error);
  const otherIssues = Object.values(zodError.fieldErrors ?? {}).flatMap((messages) => messages ?? []);
  return zodError.formErrors?.[0] ?? otherIssues[0] ?? "check the highlighted fields";
}

/** The one message for an action without fields of its own (a button, a dialog's confirm). */
export function errorMessage(error: ErrorLike): string | undefined {
  return formError(error, []);
}
