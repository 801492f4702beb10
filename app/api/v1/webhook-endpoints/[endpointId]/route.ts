import { z } from "zod";
import { getDatabase } from "@/db";
import { requireApiKey, restHandler } from "@/server/api/rest";
import { deleteWebhookEndpoint } from "@/server/webhooks/endpoint-service";
import { webhookEndpointPathIdSchema } from "@/server/webhooks/schema";

export const dynamic = "force-dynamic";

/** Deletes an endpoint of the key's project with its delivery log; 204, or 404 when the project has no such endpoint. */
export const DELETE = restHandler(async (request, context: { params: Promise<{ endpointId: string }> }) => {
  const principal = await requireApiKey(request, "admin");
  const { endpointId } = z.object({ endpointId: webhookEndpointPathIdSchema }).parse(await context.params);
  await deleteWebhookEndpoint(getDatabase(), { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId }, endpointId);
  return new Response(null, { status: 204 });
});
