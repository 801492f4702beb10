import { z } from "zod";
import { getDatabase } from "@/db";
import { getProjectAlert } from "@/server/alerts/alert-service";
import { alertPathIdSchema } from "@/server/alerts/schema";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";

export const dynamic = "force-dynamic";

/** One alert of the key's project with its evidence; 404 when the project has no such alert. */
export const GET = restHandler(async (request, context: { params: Promise<{ alertId: string }> }) => {
  const principal = await requireApiKey(request, "datasets:read");
  const { alertId } = z.object({ alertId: alertPathIdSchema }).parse(await context.params);
  return Response.json(await getProjectAlert(getDatabase(), principal.projectId, alertId));
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
