import protobuf from "protobufjs";
import descriptor from "./proto/otlp-descriptor.json";

/** The OTLP messages, from the descriptor built out of the vendored .proto files (see proto/build-descriptor.ts). */
const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const requestType = root.lookupType("opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest");
const responseType = root.lookupType("opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse");

/**
 * Decodes a protobuf ExportTraceServiceRequest into the OTLP/JSON shape (camelCase, int64 as decimal text,
 * bytes as base64), so both encodings go through one schema. Throws on bytes that are not that message.
 */
export function decodeTraceRequest(bytes: Uint8Array): unknown {
  return requestType.toObject(requestType.decode(bytes), { longs: String, bytes: String, enums: Number, defaults: false });
}

export type PartialSuccess = { rejectedSpans: number; errorMessage: string };

/** An ExportTraceServiceResponse as protobuf; an empty partial success (all accepted, no message) is left out. */
export function encodeTraceResponse(partialSuccess: PartialSuccess | null): Uint8Array {
  return responseType.encode(responseType.fromObject(partialSuccess ? { partialSuccess } : {})).finish();
}

/** The same response as OTLP/JSON (int64 as a decimal string, as the OTLP/JSON mapping writes it). */
export function traceResponseJson(partialSuccess: PartialSuccess | null): Record<string, unknown> {
  return partialSuccess ? { partialSuccess: { rejectedSpans: String(partialSuccess.rejectedSpans), errorMessage: partialSuccess.errorMessage } } : {};
}
