import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { badCredential } from "./bad-credentials";
import { describeValue, ODD_NUMBERS, ODD_STRINGS } from "./odd-values";
import type { RestCase, RestTarget } from "./rest-targets";

const OTLP_PATH = "/api/v1/otlp/v1/traces";

/** Attribute keys the mapping reads, so odd values reach the vocabularies and not only metadata. */
const MAPPED_KEYS = [
  "gen_ai.operation.name",
  "gen_ai.input.messages",
  "gen_ai.output.messages",
  "gen_ai.system_instructions",
  "gen_ai.prompt.0.role",
  "gen_ai.prompt.0.content",
  "gen_ai.completion.0.content",
  "gen_ai.completion.0.tool_calls.0.name",
  "gen_ai.conversation.id",
  "llm.input_messages.0.message.role",
  "llm.input_messages.0.message.content",
  "llm.output_messages.0.message.content",
  "openinference.span.kind",
  "input.value",
  "output.value",
  "session.id",
  "user.id",
  "tag.tags",
];
const MESSAGE_TEXTS = ['[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]', '[{"role":"assistant","content":"Hello"}]', "[]", "[1]", '{"role":"user"}', "LLM", "chat", "embeddings"];

/** AnyValues as an exporter could send them, well-formed or not. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.constantFrom(...MESSAGE_TEXTS)).map((stringValue) => ({ stringValue })),
    fc.oneof(fc.constantFrom(...ODD_NUMBERS), fc.constantFrom("9223372036854775807", "-1", "1e3", "x")).map((intValue) => ({ intValue })),
    fc.constantFrom(...ODD_NUMBERS, "NaN", "Infinity").map((doubleValue) => ({ doubleValue })),
    fc.boolean().map((boolValue) => ({ boolValue })),
    fc.array(tie("value"), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
    fc.constantFrom(null, 5, "text", [], {}),
  ),
})).value;

const attribute = fc.record({ key: fc.oneof(fc.constantFrom(...MAPPED_KEYS), fc.constantFrom(...ODD_STRINGS)), value: anyValue });
const hexId = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((id) => Buffer.from(id).toString("hex"));
const span = fc.oneof(
  fc.record({
    traceId: fc.oneof(hexId(16), fc.constantFrom(...ODD_STRINGS)),
    spanId: fc.oneof(hexId(8), fc.constantFrom(...ODD_STRINGS)),
    name: fc.constantFrom(...ODD_STRINGS),
    startTimeUnixNano: fc.oneof(fc.constantFrom("0", "1764400000000000000", "-1", "99999999999999999999999"), fc.constantFrom(...ODD_NUMBERS)),
    endTimeUnixNano: fc.constantFrom("1764400001000000000", "18446744073709551615", 1e300),
    attributes: fc.array(attribute, { maxLength: 6 }),
    events: fc.array(fc.record({ name: fc.constant("gen_ai.client.inference.operation.details"), attributes: fc.array(attribute, { maxLength: 3 }) }), { maxLength: 2 }),
  }),
  fc.constantFrom(null, 5, "span", []),
);
const exportOf = (spans: unknown[]) => JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "fuzz" } }] }, scopeSpans: [{ spans }] }] });

/** OTLP traces: odd spans in JSON (200 with a partial success, or 400), odd protobuf bytes, odd transport, bad credentials. */
export const otlpTracesTarget: RestTarget = (fixture) => {
  const headers = (contentType: string, extra: Record<string, string> = {}) => ({ "content-type": contentType, authorization: `Bearer ${fixture.secrets.ingest}`, ...extra });
  const post = (label: string, requestHeaders: Record<string, string>, body: string | Uint8Array<ArrayBuffer>, check: RestCase["check"]): RestCase => ({
    label,
    request: { method: "POST", path: OTLP_PATH, params: {}, headers: requestHeaders, body },
    check,
  });
  const expect = (...allowed: number[]) => (status: number) => (allowed.includes(status) ? [] : [`got ${status}, not ${allowed.join(" or ")}`]);
  const jsonSpans = fc.tuple(fc.array(span, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([spans, isZipped]) => {
    const body = exportOf(spans);
    return post(`spans ${describeValue(spans).slice(0, 200)}`, headers("application/json", isZipped ? { "content-encoding": "gzip" } : {}), isZipped ? gzipSync(body) : body, expect(200, 400));
  });
  const protobufBytes = fc.uint8Array({ maxLength: 200 }).map((bytes) => post(`protobuf ${Buffer.from(bytes).toString("hex").slice(0, 80)}`, headers("application/x-protobuf"), new Uint8Array(bytes), expect(200, 400)));
  const transport = fc
    .record({ contentType: fc.constantFrom("application/json", "application/x-protobuf", "text/plain", "", "application/json; charset=latin1"), encoding: fc.constantFrom("", "gzip", "br", "identity"), body: fc.constantFrom("{", "{}", "null", "[]", '{"resourceSpans":5}', "\u0000") })
    .map(({ contentType, encoding, body }) => post(`transport ${describeValue({ contentType, encoding, body })}`, headers(contentType, encoding ? { "content-encoding": encoding } : {}), body, expect(200, 400, 415)));
  const credentials = badCredential.map((credential): RestCase => ({ ...post(`credentials ${credential}`, { "content-type": "application/json" }, exportOf([]), expect(401)), credential }));
  return { cases: fc.oneof({ weight: 5, arbitrary: jsonSpans }, { weight: 2, arbitrary: protobufBytes }, { weight: 2, arbitrary: transport }, { weight: 1, arbitrary: credentials }) };
};
