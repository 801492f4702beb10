import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { toRestOutputLineage } from "@/server/outputs/rest-format";
import { externalIdPathSchema } from "@/server/outputs/schema";
import { getOutputLineage } from "@/server/outputs/service";

export const dynamic = "force-dynamic";

/** One output by its (URL-encoded) external id, with its signals, queue items, answers count, gold and releases; 404 when unknown. */
export const GET = restHandler(async (request, context: { params: Promise<{ externalId: string }> }) => {
  const principal = await requireApiKey(request, ["ingest", "datasets:read"]);
  const { externalId } = externalIdPathSchema.parse(await context.params);
  return Response.json(toRestOutputLineage(await getOutputLineage(getDatabase(), principal.projectId, { externalId })));
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
