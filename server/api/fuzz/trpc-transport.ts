import { serializeTrpcInput } from "./http-clients";
import { TRPC_ENDPOINT } from "../trpc-http";

/** Requests only HTTP can send: broken or hostile bodies, the wrong method, batches, odd content types. */
export const TRANSPORT_PAYLOADS = [
  "malformed-json",
  "deep-input",
  "deep-field",
  "deep-meta",
  "meta-bigint",
  "meta-prototype",
  "meta-unknown-type",
  "wrong-method",
  "unknown-path",
  "batch",
  "batch-1001",
  "text-body",
  "empty-body",
] as const;
export type TransportPayload = (typeof TRANSPORT_PAYLOADS)[number];

/** Payloads refused with a 4xx by every procedure; the others may succeed, as a procedure without input never reads it. */
export const ALWAYS_REFUSED: ReadonlySet<TransportPayload> = new Set(["wrong-method", "unknown-path", "batch-1001"]);
/** Payloads refused with a 4xx by every procedure that takes input. */
export const REFUSED_WITH_INPUT: ReadonlySet<TransportPayload> = new Set([...ALWAYS_REFUSED, "malformed-json", "deep-input", "deep-field", "deep-meta", "meta-unknown-type"]);

// Far deeper than JSON.stringify or a recursive walk can go, so it is written as text.
const DEEP = 200_000;
const deepJson = `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`;

type Call = { path: string; type: string; input: unknown; cookie?: string };

function send(call: Call, method: "GET" | "POST", body: string, options: { path?: string; query?: string; contentType?: string } = {}): Request {
  const url = `http://localhost${TRPC_ENDPOINT}/${options.path ?? call.path}`;
  const headers = { "content-type": options.contentType ?? "application/json", ...(call.cookie ? { cookie: call.cookie } : {}) };
  if (method === "GET") return new Request(`${url}?${options.query ?? ""}${options.query ? "&" : ""}input=${encodeURIComponent(body)}`, { headers });
  return new Request(`${url}${options.query ? `?${options.query}` : ""}`, { method, headers, body });
}

/** The raw request for `payload`, made from a valid call of the procedure. */
export function buildTransportRequest(payload: TransportPayload, call: Call): Request {
  const method = call.type === "query" ? "GET" : "POST";
  const serialized = serializeTrpcInput(call.input);
  const object = typeof call.input === "object" && call.input !== null ? call.input : {};
  switch (payload) {
    case "malformed-json":
      return send(call, method, '{"json": {"projectId": ');
    case "deep-input":
      return send(call, method, `{"json":${deepJson}}`);
    case "deep-field":
      return send(call, method, `{"json":{"projectId":${deepJson},"queueId":${deepJson}}}`);
    case "deep-meta":
      return send(call, method, `{"json":${JSON.stringify(serialized.json ?? null)},"meta":{"values":${deepJson}}}`);
    case "meta-bigint":
      return send(call, method, JSON.stringify({ json: { ...object, projectId: "123456789012345678901234567890" }, meta: { values: { projectId: ["bigint"] } } }));
    case "meta-prototype":
      return send(call, method, JSON.stringify({ json: object, meta: { values: { "__proto__.isInstanceAdmin": ["undefined"], "constructor.prototype.isInstanceAdmin": ["undefined"] } } }));
    case "meta-unknown-type":
      return send(call, method, JSON.stringify({ json: object, meta: { values: [["custom", "no-such-type"]] } }));
    case "wrong-method":
      return send(call, method === "GET" ? "POST" : "GET", JSON.stringify(serialized));
    case "unknown-path":
      return send(call, method, JSON.stringify(serialized), { path: "nothing.here" });
    case "batch":
      return send(call, method, JSON.stringify({ 0: serialized, 1: { json: "odd" } }), { path: `${call.path},${call.path}`, query: "batch=1" });
    case "batch-1001":
      return send(call, method, "{}", { path: Array.from({ length: 1_001 }, () => "nothing.here").join(","), query: "batch=1" });
    case "text-body":
      return send(call, "POST", JSON.stringify(serialized), { contentType: "text/plain" });
    case "empty-body":
      return send(call, "POST", "");
  }
}
