import { z } from "zod";
import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { getQueueFit } from "@/server/truth/fit-queries";
import { queuePathIdSchema } from "@/server/truth/schema";

export const dynamic = "force-dynamic";

/** The latest truth-inference fit of each field of the key's queue, with every annotator's reliability and confusion matrix. */
export const GET = restHandler(async (request, context: { params: Promise<{ queueId: string }> }) => {
  const principal = await requireApiKey(request, "datasets:read");
  const { queueId } = z.object({ queueId: queuePathIdSchema }).parse(await context.params);
  return Response.json(await getQueueFit(getDatabase(), { projectId: principal.projectId, queueId }));
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
