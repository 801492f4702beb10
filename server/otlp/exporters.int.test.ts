import { diag, DiagLogLevel, type Attributes, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter as HttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as HttpProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { SimpleSpanProcessor, TracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/server/api-keys/service";
import { otlpExternalId } from "./map-span";
import { startOtlpTestServer } from "./test-server";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let ingestKey = "";
let server: Awaited<ReturnType<typeof startOtlpTestServer>>;
/** What the exporters log: the OTLP base logs each partial success it receives as a warning. */
const warnings: string[] = [];

type Encoding = "protobuf" | "json";
const encodings: Encoding[] = ["protobuf", "json"];

/**
 * A real SDK tracer exporting over OTLP/HTTP to the loopback route, configured the way the README tells an
 * app to: the standard OTEL_EXPORTER_OTLP_* variables, which the exporters read when they are made.
 */
function startTracing(encoding: Encoding, options: { gzip?: boolean } = {}) {
  const variables = {
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: server.url,
    OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer ${ingestKey}`,
    OTEL_EXPORTER_OTLP_COMPRESSION: options.gzip ? "gzip" : "none",
  };
  Object.assign(process.env, variables);
  const exporter: SpanExporter = encoding === "protobuf" ? new HttpProtoExporter() : new HttpJsonExporter();
  for (const name of Object.keys(variables)) delete process.env[name];
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": "support-bot", "deployment.environment": "test" }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  return { tracer: provider.getTracer("goldloop-otlp-test", "1.0.0"), flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
}

/** Ends a span with the attributes (and events) given and returns its ids. */
function recordSpan(tracer: Tracer, name: string, attributes: Attributes, events: { name: string; attributes: Attributes }[] = []) {
  const span = tracer.startSpan(name, { attributes });
  for (const event of events) span.addEvent(event.name, event.attributes);
  span.end();
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId, externalId: otlpExternalId(traceId, spanId) };
}

const loadOutput = (externalId: string) =>
  testDb.db
    .selectFrom("outputs")
    .select(["external_id", "trace_id", "session_id", "end_user_id", "model", "input", "output", "metadata", "tags", "produced_at"])
    .where("project_id", "=", team.project.id)
    .where("external_id", "=", externalId)
    .executeTakeFirst();

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  ingestKey = (await createApiKey(testDb.db, { projectId: team.project.id, userId: null }, { name: "otel", scopes: ["ingest"] })).secret;
  server = await startOtlpTestServer();
  diag.setLogger({ error: () => {}, warn: (...args: unknown[]) => warnings.push(args.map(String).join(" ")), info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
});
afterAll(async () => {
  diag.disable();
  await server.close();
  await closeDatabase();
});

describe.each(encodings)("OTLP/HTTP %s exporter", (encoding) => {
  it("stores a span in the current GenAI conventions with its session, user, model, usage and resource", async () => {
    const { tracer, shutdown } = startTracing(encoding);
    const span = recordSpan(tracer, "chat gpt-4o", {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.response.model": "gpt-4o-2024-08-06",
      "gen_ai.conversation.id": `conversation-${encoding}`,
      "gen_ai.request.temperature": 0.2,
      "gen_ai.usage.input_tokens": 31,
      "gen_ai.usage.output_tokens": 9,
      "user.id": "customer-17",
      "gen_ai.system_instructions": JSON.stringify([{ type: "text", content: "You are the Acme support assistant." }]),
      "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Where is my refund?" }] }]),
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Refunds take 5–7 business days." }], finish_reason: "stop" }]),
    });
    await shutdown();
    const stored = await loadOutput(span.externalId);
    expect(stored).toMatchObject({
      trace_id: span.traceId,
      session_id: `conversation-${encoding}`,
      end_user_id: "customer-17",
      model: "gpt-4o-2024-08-06",
      input: [
        { role: "system", content: "You are the Acme support assistant." },
        { role: "user", content: "Where is my refund?" },
      ],
      output: "Refunds take 5–7 business days.",
      metadata: {
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.request.temperature": 0.2,
        "gen_ai.usage.input_tokens": 31,
        "gen_ai.usage.output_tokens": 9,
        "otel.span.name": "chat gpt-4o",
        "otel.scope.name": "goldloop-otlp-test",
        "service.name": "support-bot",
        "deployment.environment": "test",
      },
    });
    expect(stored?.metadata).not.toHaveProperty("gen_ai.input.messages");
  });

  it("reads GenAI messages from a span event, and tool calls in them", async () => {
    const { tracer, shutdown } = startTracing(encoding);
    const span = recordSpan(tracer, "chat claude", { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "anthropic", "gen_ai.request.model": "claude-sonnet" }, [
      {
        name: "gen_ai.client.inference.operation.details",
        attributes: {
          "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] }]),
          "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Paris" } }] }]),
        },
      },
    ]);
    await shutdown();
    expect(await loadOutput(span.externalId)).toMatchObject({ model: "claude-sonnet", input: [{ role: "user", content: "Weather in Paris?" }], output: '[tool call] get_weather({"city":"Paris"})' });
  });

  it("stores a span in the older GenAI names, normalising provider and usage", async () => {
    const { tracer, shutdown } = startTracing(encoding);
    const span = recordSpan(tracer, "openai.chat", {
      "gen_ai.system": "openai",
      "gen_ai.request.model": "gpt-3.5-turbo",
      "gen_ai.usage.prompt_tokens": 14,
      "gen_ai.usage.completion_tokens": 6,
      "gen_ai.prompt.0.role": "system",
      "gen_ai.prompt.0.content": "Answer briefly.",
      "gen_ai.prompt.1.role": "user",
      "gen_ai.prompt.1.content": "Can I change my plan?",
      "gen_ai.completion.0.role": "assistant",
      "gen_ai.completion.0.content": "Yes, under Billing → Plan.",
    });
    await shutdown();
    expect(await loadOutput(span.externalId)).toMatchObject({
      model: "gpt-3.5-turbo",
      input: [
        { role: "system", content: "Answer briefly." },
        { role: "user", content: "Can I change my plan?" },
      ],
      output: "Yes, under Billing → Plan.",
      metadata: { "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 14, "gen_ai.usage.output_tokens": 6, "gen_ai.system": "openai", "gen_ai.usage.prompt_tokens": 14 },
    });
  });

  it("stores an OpenInference LLM span with its session, user and tags, and skips its CHAIN and HTTP spans", async () => {
    const { tracer, shutdown } = startTracing(encoding);
    const chain = recordSpan(tracer, "agent", { "openinference.span.kind": "CHAIN", "input.value": "hello", "output.value": "hi" });
    const http = recordSpan(tracer, "GET /orders", { "http.request.method": "GET", "url.path": "/orders" });
    const llm = recordSpan(tracer, "ChatOpenAI", {
      "openinference.span.kind": "LLM",
      "llm.model_name": "gpt-4o-mini",
      "llm.provider": "openai",
      "llm.token_count.prompt": 20,
      "llm.token_count.completion": 4,
      "session.id": `oi-session-${encoding}`,
      "user.id": "customer-99",
      "tag.tags": ["refunds", "vip"],
      "llm.input_messages.0.message.role": "user",
      "llm.input_messages.0.message.content": "Cancel order 12",
      "llm.output_messages.0.message.role": "assistant",
      "llm.output_messages.0.message.content": "Order 12 is cancelled.",
      "input.value": "{\"messages\":[…]}",
    });
    const plain = recordSpan(tracer, "completion", { "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o-mini", "input.value": "Translate: bonjour", "output.value": "hello" });
    await shutdown();
    expect(await loadOutput(llm.externalId)).toMatchObject({
      session_id: `oi-session-${encoding}`,
      end_user_id: "customer-99",
      model: "gpt-4o-mini",
      tags: ["refunds", "vip"],
      input: [{ role: "user", content: "Cancel order 12" }],
      output: "Order 12 is cancelled.",
      metadata: { "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 20, "gen_ai.usage.output_tokens": 4, "llm.model_name": "gpt-4o-mini" },
    });
    expect(await loadOutput(plain.externalId)).toMatchObject({ input: "Translate: bonjour", output: "hello" });
    expect(await loadOutput(chain.externalId)).toBeUndefined();
    expect(await loadOutput(http.externalId)).toBeUndefined();
  });

  it("answers a partial success counting an LLM span without messages, which the exporter reports, and stores the rest", async () => {
    const { tracer, shutdown } = startTracing(encoding, { gzip: true });
    const before = server.exchanges.length;
    const empty = recordSpan(tracer, "chat", { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o" });
    await shutdown();
    const exchange = server.exchanges.at(-1)!;
    expect(server.exchanges.length).toBe(before + 1);
    expect(exchange).toMatchObject({ status: 200, contentEncoding: "gzip", responseType: encoding === "protobuf" ? "application/x-protobuf" : "application/json" });
    const response = encoding === "protobuf" ? ProtobufTraceSerializer.deserializeResponse(exchange.responseBody) : JSON.parse(exchange.responseBody.toString());
    expect(Number(response.partialSuccess?.rejectedSpans)).toBe(1);
    expect(response.partialSuccess?.errorMessage).toContain(`(span ${empty.spanId}) has no input messages`);
    expect(warnings.some((warning) => warning.includes("Received Partial Success response") && warning.includes("has no input messages"))).toBe(true);
    expect(await loadOutput(empty.externalId)).toBeUndefined();
  });
});

describe("OTLP/HTTP idempotency", () => {
  it("stores a span sent twice once, and answers the second export as a full success", async () => {
    const attributes = { "gen_ai.operation.name": "chat", "gen_ai.input.messages": '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]', "gen_ai.output.messages": '[{"role":"assistant","parts":[{"type":"text","content":"Hello!"}]}]' };
    const first = startTracing("protobuf");
    const span = first.tracer.startSpan("chat", { attributes });
    span.end();
    await first.flush();
    // The SDK hands the same finished span to a second exporter, as a retrying collector would re-send it.
    const readable = span as unknown as Parameters<SpanExporter["export"]>[0][number];
    const again = new HttpProtoExporter({ url: server.url, headers: { Authorization: `Bearer ${ingestKey}` } });
    const result = await new Promise<{ code: number }>((done) => again.export([readable], done));
    await first.shutdown();
    await again.shutdown();
    expect(result.code).toBe(0);
    const stored = await testDb.db.selectFrom("outputs").select("id").where("trace_id", "=", span.spanContext().traceId).execute();
    expect(stored).toHaveLength(1);
    expect(ProtobufTraceSerializer.deserializeResponse(server.exchanges.at(-1)!.responseBody).partialSuccess).toBeUndefined();
  });
});
