import { readRequestBody } from "@/server/ingest/request-body";
import { UnsupportedMediaTypeError, ValidationError } from "@/server/lib/errors";
import { decodeTraceRequest } from "./protobuf";

export type OtlpEncoding = "protobuf" | "json";

/** The encoding a Content-Type names; 415 for anything but OTLP's two. */
export function readEncoding(request: Request): OtlpEncoding {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType === "application/x-protobuf" || mediaType === "application/protobuf") return "protobuf";
  if (mediaType === "application/json") return "json";
  throw new UnsupportedMediaTypeError(`content-type must be application/x-protobuf or application/json, not ${mediaType ? `"${mediaType.slice(0, 100)}"` : "missing"}`, { field: "content-type" });
}

/** Deeper than any real attribute value; past it the schema's recursion could exhaust the stack. */
const MAX_DEPTH = 64;

function isTooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth > MAX_DEPTH) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Reads an OTLP/HTTP trace export: the body decoded by its Content-Type (protobuf or JSON) after its
 * Content-Encoding, as a plain object for exportTraceRequestSchema. Every fault is a 4xx naming the header
 * or `body`; a decoder's own message never reaches the client.
 */
export async function readOtlpBody(request: Request): Promise<{ encoding: OtlpEncoding; body: unknown }> {
  const encoding = readEncoding(request);
  const bytes = await readRequestBody(request);
  let body: unknown;
  if (encoding === "protobuf") {
    try {
      body = decodeTraceRequest(bytes);
    } catch {
      throw new ValidationError("body is not a valid protobuf ExportTraceServiceRequest (truncated, or another message)", { field: "body" });
    }
  } else {
    try {
      body = JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new ValidationError("body must be valid JSON (an OTLP/JSON ExportTraceServiceRequest)", { field: "body" });
    }
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ValidationError("body must be a JSON object (an OTLP ExportTraceServiceRequest)", { field: "body" });
  if (isTooDeep(body)) throw new ValidationError(`body nests deeper than ${MAX_DEPTH} levels`, { field: "body" });
  return { encoding, body };
}
