import { getDatabase } from "@/db";
import { listProjectAlerts } from "@/server/alerts/alert-service";
import { listAlertsQuerySchema } from "@/server/alerts/schema";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";

export const dynamic = "force-dynamic";

/** The project's loop-health alerts (live first, newest first), filtered by `?state=open|acknowledged|resolved`; for a `datasets:read` key. */
export const GET = restHandler(async (request) => {
  const principal = await requireApiKey(request, "datasets:read");
  const query = listAlertsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ alerts: await listProjectAlerts(getDatabase(), principal.projectId, { state: query.state, limit: query.limit ?? 100 }) });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
