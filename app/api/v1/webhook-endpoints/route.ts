import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { readJsonEnvelope } from "@/server/ingest/request-body";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/server/webhooks/endpoint-service";
import { createWebhookEndpointSchema } from "@/server/webhooks/schema";

export const dynamic = "force-dynamic";

/** The project's webhook endpoints (never their secrets), for infrastructure as code; needs an admin key. */
export const GET = restHandler(async (request) => {
  const principal = await requireApiKey(request, "admin");
  return Response.json({ endpoints: await listWebhookEndpoints(getDatabase(), principal.projectId) });
});

/** Creates an endpoint; 201 with its secret, which is shown this once. A URL reaching a private address is a 400 naming `url`. */
export const POST = restHandler(async (request) => {
  const principal = await requireApiKey(request, "admin");
  const input = await readJsonEnvelope(request, createWebhookEndpointSchema);
  const actor = { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId };
  return Response.json(await createWebhookEndpoint(getDatabase(), actor, input), { status: 201 });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { PUT, PATCH, DELETE } = refuseOtherMethods("GET", "POST");
