import type { z } from "zod";

/** The first message per top-level field of a failed parse, for forms that check with the server's schema before sending. */
export function firstIssueByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A number input's text as a number; empty stays NaN so the schema says a number is missing instead of reading 0. */
export function readNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}
