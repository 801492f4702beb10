import { z } from "zod";
import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { toErasureReport } from "@/server/privacy/erasure-report";
import { eraseEndUser } from "@/server/privacy/erasure-service";
import { endUserIdSchema } from "@/server/privacy/schema";

export const dynamic = "force-dynamic";

/** Erases an end user of the key's project; 200 with what was deleted, 404 when the project holds nothing of theirs. */
export const DELETE = restHandler(async (request, context: { params: Promise<{ endUserId: string }> }) => {
  const principal = await requireApiKey(request, "admin");
  const { end_user_id: endUserId } = z.object({ end_user_id: endUserIdSchema }).parse({ end_user_id: (await context.params).endUserId });
  const result = await eraseEndUser(getDatabase(), { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId }, endUserId);
  return Response.json(toErasureReport(result));
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { GET, POST, PUT, PATCH } = refuseOtherMethods("DELETE");
