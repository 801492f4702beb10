import { z } from "zod";
import { getDatabase } from "@/db";
import { acknowledgeAlert } from "@/server/alerts/alert-service";
import { alertPathIdSchema } from "@/server/alerts/schema";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";

export const dynamic = "force-dynamic";

/** Acknowledges a live alert (an admin key); 412 when it is already resolved, 404 when the project has no such alert. */
export const POST = restHandler(async (request, context: { params: Promise<{ alertId: string }> }) => {
  const principal = await requireApiKey(request, "admin");
  const { alertId } = z.object({ alertId: alertPathIdSchema }).parse(await context.params);
  return Response.json(await acknowledgeAlert(getDatabase(), { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId }, alertId));
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
