import { OTLPTraceExporter as HttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as HttpProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { SimpleSpanProcessor, TracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace";
import { seedProject } from "../../db/seed/factories";
import { createApiKey } from "../../server/api-keys/service";
import { E2E_BASE_URL } from "../environment";
import { expect, openE2eDatabase, test } from "../fixtures";

// The route under the real server, as Next bundles it (protobufjs and the OTLP descriptor included).
test("OpenTelemetry exporters send GenAI spans to the running server over protobuf and gzip JSON", async () => {
  const db = openE2eDatabase();
  const project = await seedProject(db, { name: "Traced" });
  const { secret } = await createApiKey(db, { projectId: project.id, userId: null }, { name: "otel", scopes: ["ingest"] });
  const config = { url: `${E2E_BASE_URL}/api/v1/otlp/v1/traces`, headers: { Authorization: `Bearer ${secret}` } };
  // Compression is read from the standard variable when an exporter is made.
  process.env.OTEL_EXPORTER_OTLP_COMPRESSION = "gzip";
  const gzipJson = new HttpJsonExporter(config);
  delete process.env.OTEL_EXPORTER_OTLP_COMPRESSION;
  const exporters: SpanExporter[] = [new HttpProtoExporter(config), gzipJson];
  const spanIds: string[] = [];
  for (const [index, exporter] of exporters.entries()) {
    const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    const span = provider.getTracer("e2e").startSpan("chat", {
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.conversation.id": "e2e-conversation",
        "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: `Question ${index}` }] }]),
        "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: `Answer ${index}` }] }]),
      },
    });
    span.end();
    spanIds.push(span.spanContext().spanId);
    await provider.shutdown();
  }
  const stored = await db.selectFrom("outputs").select(["external_id", "session_id", "model", "output"]).where("project_id", "=", project.id).orderBy("produced_at").execute();
  await db.destroy();
  expect(stored.map((row) => [row.external_id.endsWith(spanIds[stored.indexOf(row)]!), row.session_id, row.model, row.output])).toEqual([
    [true, "e2e-conversation", "gpt-4o", "Answer 0"],
    [true, "e2e-conversation", "gpt-4o", "Answer 1"],
  ]);
});
