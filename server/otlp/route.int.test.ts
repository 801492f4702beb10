import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postTraces } from "@/app/api/v1/otlp/v1/traces/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { ApiKeyScope } from "@/server/api-keys/schema";
import { createApiKey } from "@/server/api-keys/service";
import { MAX_REQUEST_BYTES } from "@/server/ingest/request-body";
import { encodeTraceResponse } from "./protobuf";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const keys = {} as Record<ApiKeyScope, string>;

function send(body: BodyInit, headers: Record<string, string> = {}, key: string | null = keys.ingest) {
  return postTraces(
    new Request("http://localhost/api/v1/otlp/v1/traces", {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body,
    }),
  );
}

const chatSpan = (spanId: string, overrides: Record<string, unknown> = {}) => ({
  traceId: "5b8efff798038103d269b633813fc60c",
  spanId,
  name: "chat",
  startTimeUnixNano: "1764400000000000000",
  endTimeUnixNano: "1764400001500000000",
  attributes: [
    { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
    { key: "gen_ai.input.messages", value: { stringValue: '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]' } },
    { key: "gen_ai.output.messages", value: { stringValue: '[{"role":"assistant","parts":[{"type":"text","content":"Hello"}]}]' } },
    { key: "gen_ai.usage.input_tokens", value: { intValue: "3" } },
  ],
  ...overrides,
});
const exportOf = (...spans: unknown[]) => JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: "test" }, spans }] }] });
const countOutputs = async () => (await testDb.db.selectFrom("outputs").select((eb) => eb.fn.countAll<number>().as("n")).where("project_id", "=", team.project.id).executeTakeFirstOrThrow()).n;

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  for (const scope of ["ingest", "datasets:read"] as const) {
    keys[scope] = (await createApiKey(testDb.db, { projectId: team.project.id, userId: null }, { name: scope, scopes: [scope] })).secret;
  }
});
afterAll(async () => {
  await closeDatabase();
});

describe("POST /api/v1/otlp/v1/traces", () => {
  it("takes OTLP/JSON with hex or base64 ids and numeric or text int64, answering an empty response when all is accepted", async () => {
    const base64Span = chatSpan(Buffer.from("0102030405060708", "hex").toString("base64"), { traceId: Buffer.from("5b8efff798038103d269b633813fc60d", "hex").toString("base64"), startTimeUnixNano: 1764400000000000000 });
    const response = await send(exportOf(chatSpan("00f067aa0ba902b7"), base64Span));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    const stored = await testDb.db.selectFrom("outputs").select(["external_id", "trace_id", "produced_at", "metadata"]).where("project_id", "=", team.project.id).orderBy("external_id").execute();
    expect(stored.map((row) => row.external_id)).toEqual(["otlp-5b8efff798038103d269b633813fc60c-00f067aa0ba902b7", "otlp-5b8efff798038103d269b633813fc60d-0102030405060708"]);
    expect(stored[0]).toMatchObject({ produced_at: new Date(1764400001500), metadata: { "gen_ai.usage.input_tokens": 3, "otel.span.duration_ms": 1500 } });
  });

  it("rejects spans without messages, bad ids and malformed spans in a partial success naming each, and stores the good ones", async () => {
    const before = await countOutputs();
    const noOutput = chatSpan("1111111111111111", { attributes: [{ key: "gen_ai.operation.name", value: { stringValue: "chat" } }, { key: "gen_ai.input.messages", value: { stringValue: "[]" } }] });
    const badTrace = chatSpan("2222222222222222", { traceId: "00000000000000000000000000000000" });
    const badRole = chatSpan("3333333333333333", { attributes: [{ key: "gen_ai.input.messages", value: { stringValue: '[{"role":"robot","parts":[{"type":"text","content":"Hi"}]}]' } }, { key: "gen_ai.output.messages", value: { stringValue: '"Hello"' } }, { key: "gen_ai.completion", value: { stringValue: "Hello" } }] });
    const response = await send(exportOf(noOutput, badTrace, badRole, "not a span", chatSpan("4444444444444444")));
    expect(response.status).toBe(200);
    const { partialSuccess } = await response.json();
    expect(partialSuccess.rejectedSpans).toBe("4");
    expect(partialSuccess.errorMessage).toMatch(/^4 of 5 spans rejected: /);
    expect(partialSuccess.errorMessage).toContain("spans[0] (span 1111111111111111) has no input messages");
    expect(partialSuccess.errorMessage).toContain("spans[1] (span 2222222222222222) traceId must be 16 bytes");
    expect(partialSuccess.errorMessage).toContain("spans[2] (span 3333333333333333) was refused at ingest: input[0].role: role must be one of");
    expect(partialSuccess.errorMessage).toContain("spans[3] is malformed: span: a span must be an object");
    expect(await countOutputs()).toBe(before + 1);
  });

  it("stores a span whose message attribute is not a list of messages from the older attributes, and says so as a warning", async () => {
    const attributes = [
      { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
      { key: "gen_ai.input.messages", value: { stringValue: "[{ not json" } },
      { key: "gen_ai.prompt.0.role", value: { stringValue: "user" } },
      { key: "gen_ai.prompt.0.content", value: { stringValue: "Where is my parcel?" } },
      { key: "gen_ai.output.messages", value: { stringValue: '[{"role":"assistant","parts":[{"type":"text","content":"On its way."}]}]' } },
    ];
    const response = await send(exportOf(chatSpan("7777777777777777", { attributes })));
    expect(response.status).toBe(200);
    // OTLP reads a partial success with nothing rejected as warnings.
    expect(await response.json()).toEqual({
      partialSuccess: { rejectedSpans: "0", errorMessage: expect.stringMatching(/^stored with warnings: .*spans\[0\] \(span 7777777777777777\): gen_ai\.input\.messages is not a list of messages/) },
    });
    const stored = await testDb.db.selectFrom("outputs").select("input").where("external_id", "=", "otlp-5b8efff798038103d269b633813fc60c-7777777777777777").executeTakeFirstOrThrow();
    expect(stored.input).toEqual([{ role: "user", content: "Where is my parcel?" }]);
  });

  it("answers protobuf with protobuf, and refuses bytes that are not an export request with a 400 naming the body", async () => {
    const empty = await send(new Uint8Array(0), { "content-type": "application/x-protobuf" });
    expect(empty.status).toBe(200);
    expect(empty.headers.get("content-type")).toBe("application/x-protobuf");
    expect(Buffer.from(await empty.arrayBuffer())).toEqual(Buffer.from(encodeTraceResponse(null)));

    // A resourceSpans field (tag 0x0a) announcing 100 bytes and carrying 3: a cut-off export.
    const truncated = await send(new Uint8Array([0x0a, 0x64, 0x0a, 0x01, 0x00]), { "content-type": "application/x-protobuf" });
    expect(truncated.status).toBe(400);
    expect(await truncated.json()).toEqual({ error: { code: "bad_request", field: "body", message: expect.stringContaining("not a valid protobuf ExportTraceServiceRequest") } });
  });

  it("answers bad transport with a 4xx naming the header or body, writing nothing", async () => {
    const before = await countOutputs();
    const cases: [Promise<Response>, number, string, RegExp][] = [
      [send(exportOf(chatSpan("5555555555555555")), { "content-type": "text/plain" }), 415, "content-type", /application\/x-protobuf or application\/json/],
      [send(exportOf(chatSpan("5555555555555555")), { "content-type": "" }), 415, "content-type", /missing/],
      [send(exportOf(chatSpan("5555555555555555")), { "content-encoding": "br" }), 415, "content-encoding", /gzip/],
      [send("definitely not gzip", { "content-encoding": "gzip" }), 400, "body", /not valid gzip/],
      [send(gzipSync(Buffer.alloc(MAX_REQUEST_BYTES + 1)), { "content-encoding": "gzip" }), 413, "body", /unzipped body is larger than 32 MB/],
      [send(Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x20)), 413, "body", /larger than 32 MB/],
      [send('{"resourceSpans": ['), 400, "body", /valid JSON/],
      [send('{"resourceSpans": 5}'), 400, "resourceSpans", /must be an array/],
      [send("[]"), 400, "body", /must be a JSON object/],
      [send(`{"resourceSpans":${"[".repeat(100)}${"]".repeat(100)}}`), 400, "body", /deeper than 64/],
      [send(exportOf(chatSpan("5555555555555555")), {}, null), 401, "authorization", /API key/],
      [send(exportOf(chatSpan("5555555555555555")), {}, keys["datasets:read"]), 403, "authorization", /"ingest" scope/],
    ];
    for (const [pending, status, field, message] of cases) {
      const response = await pending;
      expect(response.status, `${field} ${message}`).toBe(status);
      expect(await response.json()).toMatchObject({ error: { field, message: expect.stringMatching(message) } });
    }
    expect(await countOutputs()).toBe(before);
  });

  it("takes gzip OTLP/JSON", async () => {
    const response = await send(gzipSync(exportOf(chatSpan("6666666666666666"))), { "content-encoding": "gzip", "content-type": "application/json; charset=utf-8" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });
  it("redacts personal data in spans before anything is stored, as REST ingest does", async () => {
    const span = chatSpan("5555555555555555", {
      attributes: [
        { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
        { key: "gen_ai.input.messages", value: { stringValue: '[{"role":"user","parts":[{"type":"text","content":"Mail me at ada@example.com"}]}]' } },
        { key: "gen_ai.output.messages", value: { stringValue: '[{"role":"assistant","parts":[{"type":"text","content":"Card 4111 1111 1111 1111 noted"}]}]' } },
        { key: "user.id", value: { stringValue: "carol@example.com" } },
        { key: "app.note", value: { stringValue: "call me at +1 415 555 2671" } },
      ],
    });
    expect((await send(exportOf(span))).status).toBe(200);
    const stored = await testDb.db
      .selectFrom("outputs")
      .select(["input", "output", "metadata", "redaction_counts"])
      .where("project_id", "=", team.project.id)
      .where("external_id", "=", "otlp-5b8efff798038103d269b633813fc60c-5555555555555555")
      .executeTakeFirstOrThrow();
    const text = JSON.stringify([stored.input, stored.output, stored.metadata]);
    expect(text).not.toContain("ada@example.com");
    // Raw span attributes land in metadata, and a new project redacts every metadata key.
    expect(text).not.toContain("carol@example.com");
    expect(text).not.toContain("555 2671");
    expect(text).not.toContain("4111");
    expect(text).toContain("[EMAIL]");
    expect(text).toContain("[CARD]");
    expect(stored.redaction_counts).toMatchObject({ email: 2, card: 1, phone: 1 });
  });
});
