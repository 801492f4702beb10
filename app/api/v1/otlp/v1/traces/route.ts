import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { encodeTraceResponse, traceResponseJson } from "@/server/otlp/protobuf";
import { readOtlpBody } from "@/server/otlp/request-body";
import { ingestOtlpTraces } from "@/server/otlp/service";

export const dynamic = "force-dynamic";

/** OTLP/HTTP trace export (protobuf or JSON, optionally gzip); answers an ExportTraceServiceResponse in the request's encoding. */
export const POST = restHandler(async (request) => {
  const principal = await requireApiKey(request, "ingest");
  const { encoding, body } = await readOtlpBody(request);
  const { partialSuccess } = await ingestOtlpTraces(getDatabase(), { projectId: principal.projectId, apiKeyId: principal.apiKeyId }, body);
  if (encoding === "json") return Response.json(traceResponseJson(partialSuccess));
  return new Response(Buffer.from(encodeTraceResponse(partialSuccess)), { headers: { "content-type": "application/x-protobuf" } });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
