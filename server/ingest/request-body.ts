import type { z } from "zod";
import { PayloadTooLargeError, ValidationError } from "@/server/lib/errors";
import { parseInput } from "@/server/lib/validation";

/** The largest REST body we read: a full batch of long conversations, and well under what one jsonb value may hold. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/** The body as text, refusing (413) one larger than MAX_REQUEST_BYTES before it is all in memory. */
async function readBodyText(request: Request): Promise<string> {
  const tooLarge = () => new PayloadTooLargeError(`body is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB; send smaller batches`, { field: "body" });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > MAX_REQUEST_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads a REST request's JSON body and checks its outer shape. Malformed JSON, or a body that is not the
 * expected object, is a 400 naming `body`; a bad envelope field is a 400 naming that field.
 */
export async function readJsonEnvelope<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  const text = await readBodyText(request);
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationError("body must be valid JSON", { field: "body" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ValidationError("body must be a JSON object", { field: "body" });
  return parseInput(schema, body);
}
