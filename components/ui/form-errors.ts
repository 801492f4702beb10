/** The shape our tRPC error formatter adds to every error (server/api/trpc.ts). */
type ErrorData = { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null; field?: string | null };
type ErrorLike = { message: string; data?: ErrorData | null } | null | undefined;

/** The message for one form field, from zod's field errors or a domain error that names the field. */
export function fieldError(error: ErrorLike, field: string): string | undefined {
  if (!error) return undefined;
  const zodMessage = error.data?.zodError?.fieldErrors?.[field]?.[0];
  if (zodMessage) return zodMessage;
  return error.data?.field === field ? error.message : undefined;
}

/** The message to show above the form when no single field is to blame. */
export function formError(error: ErrorLike, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  const isAboutAField = fields.some((field) => fieldError(error, field));
  return isAboutAField ? undefined : error.data?.zodError ? "check the highlighted fields" : error.message;
}
