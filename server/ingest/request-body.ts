import type { z } from "zod";
import { ValidationError } from "@/server/lib/errors";

/**
 * Reads a REST request's JSON body and checks its outer shape. Malformed JSON, or a body that is not the
 * expected object, is a 400 naming `body`; a bad envelope field is a 400 naming that field.
 */
export async function readJsonEnvelope<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ValidationError("body must be valid JSON", { field: "body" });
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(".") || "body";
  const message = issue?.path.length ? (issue.message ?? "invalid") : "body must be a JSON object";
  throw new ValidationError(`${field}: ${message}`, { field });
}
