import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { ingestBatchSchema } from "@/server/ingest/schema";
import { readJsonEnvelope } from "@/server/ingest/request-body";
import { ingestOutputs } from "@/server/ingest/service";
import { toRestOutputsPage } from "@/server/outputs/rest-format";
import { readOutputsQuery, restOutputsQuerySchema } from "@/server/outputs/schema";
import { listOutputs } from "@/server/outputs/service";

export const dynamic = "force-dynamic";

/**
 * Ingests up to 1,000 outputs; 200 with each item's status, 400 only when the envelope itself is bad. It
 * answers once the outputs are committed; their queue items follow from the committed plan.
 */
export const POST = restHandler(async (request) => {
  const principal = await requireApiKey(request, "ingest");
  const { outputs } = await readJsonEnvelope(request, ingestBatchSchema);
  const source = { projectId: principal.projectId, apiKeyId: principal.apiKeyId };
  return Response.json(await ingestOutputs(getDatabase(), source, outputs, { queueItems: "after-answer" }));
});

/** Pages what arrived, newest first, filtered; for an `ingest` or `datasets:read` key. */
export const GET = restHandler(async (request) => {
  const principal = await requireApiKey(request, ["ingest", "datasets:read"]);
  const query = restOutputsQuerySchema.parse(readOutputsQuery(new URL(request.url).searchParams));
  return Response.json(toRestOutputsPage(await listOutputs(getDatabase(), principal.projectId, query, { withContent: true })));
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { PUT, PATCH, DELETE } = refuseOtherMethods("GET", "POST");
