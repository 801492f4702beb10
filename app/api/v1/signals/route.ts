import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { ingestSignalBatchSchema } from "@/server/ingest/schema";
import { readJsonEnvelope } from "@/server/ingest/request-body";
import { ingestSignals } from "@/server/ingest/signals-service";

export const dynamic = "force-dynamic";

/** Records up to 1,000 production signals; 200 with each item's status, 400 only when the envelope is bad. */
export const POST = restHandler(async (request) => {
  const principal = await requireApiKey(request, "ingest");
  const { signals } = await readJsonEnvelope(request, ingestSignalBatchSchema);
  return Response.json(await ingestSignals(getDatabase(), { projectId: principal.projectId }, signals));
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
