import { z } from "zod";
import { getDatabase } from "@/db";
import { requireApiKey, restHandler } from "@/server/api/rest";
import { eraseEndUser } from "@/server/privacy/erasure-service";
import { endUserIdSchema } from "@/server/privacy/schema";

export const dynamic = "force-dynamic";

/** Erases an end user of the key's project; 200 with what was deleted, 404 when the project holds nothing of theirs. */
export const DELETE = restHandler(async (request, context: { params: Promise<{ endUserId: string }> }) => {
  const principal = await requireApiKey(request, "admin");
  const { end_user_id: endUserId } = z.object({ end_user_id: endUserIdSchema }).parse({ end_user_id: (await context.params).endUserId });
  const result = await eraseEndUser(getDatabase(), { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId }, endUserId);
  const { deleted } = result;
  return Response.json({
    end_user_id: result.endUserId,
    deleted: {
      outputs: deleted.outputs,
      signals: deleted.signals,
      queue_items: deleted.queueItems,
      assignments: deleted.assignments,
      annotations: deleted.annotations,
      gold_labels: deleted.goldLabels,
      gold_items: deleted.goldItems,
      collab_documents: deleted.collabDocuments,
    },
    release_rows_tombstoned: deleted.releaseRowsTombstoned,
    releases: result.releases,
  });
});
