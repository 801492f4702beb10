import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { z } from "zod";
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "@/server/lib/errors";
import { parseInput } from "@/server/lib/validation";

/** The largest REST body we read: a full batch of long conversations, and well under what one jsonb value may hold. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

const gunzipAsync = promisify(gunzip);
const tooLarge = (what: string) => new PayloadTooLargeError(`${what} is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB; send smaller batches`, { field: "body" });

/** The body's bytes, refusing (413) one larger than MAX_REQUEST_BYTES before it is all in memory. */
async function readBytes(request: Request): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) throw tooLarge("body");
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > MAX_REQUEST_BYTES) throw tooLarge("body");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The bytes without their Content-Encoding: gzip is undone (bounded, so a small bomb cannot fill memory), identity kept. */
async function decompress(request: Request, bytes: Buffer): Promise<Buffer> {
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return bytes;
  if (encoding !== "gzip") throw new UnsupportedMediaTypeError(`content-encoding must be gzip or absent, not "${encoding.slice(0, 100)}"`, { field: "content-encoding" });
  try {
    return await gunzipAsync(bytes, { maxOutputLength: MAX_REQUEST_BYTES });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge("the unzipped body");
    throw new ValidationError("body is not valid gzip (content-encoding: gzip)", { field: "body" });
  }
}

/** A request's body as sent, gzip undone: what REST and OTLP routes read. */
export async function readRequestBody(request: Request): Promise<Buffer> {
  return decompress(request, await readBytes(request));
}

/**
 * Reads a REST request's JSON body (gzip undone when Content-Encoding says so) and checks its outer shape.
 * Malformed JSON, or a body that is not the expected object, is a 400 naming `body`; a bad envelope field
 * is a 400 naming that field.
 */
export async function readJsonEnvelope<T extends z.ZodType>(request: Request, schema: T, options: { isEmptyAllowed?: boolean } = {}): Promise<z.infer<T>> {
  let body: unknown;
  const text = (await readRequestBody(request)).toString("utf8");
  // A route whose every body field is optional takes no body at all (curl -X POST with nothing to say).
  if (options.isEmptyAllowed && text.trim() === "") return parseInput(schema, {});
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationError("body must be valid JSON", { field: "body" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ValidationError("body must be a JSON object", { field: "body" });
  return parseInput(schema, body);
}
