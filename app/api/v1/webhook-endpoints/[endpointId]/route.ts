import { z } from "zod";
import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
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

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { GET, POST, PUT, PATCH } = refuseOtherMethods("DELETE");
