import { z } from "zod";
import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { getReleaseProgress } from "@/server/datasets/publish-service";
import { datasetSlugSchema, releaseNumberParamSchema } from "@/server/datasets/schema";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ slug: datasetSlugSchema, release: releaseNumberParamSchema });

/** Where a release stands (queued, publishing, published, failed) and how many rows are frozen, for a `datasets:read` key. */
export const GET = restHandler(async (request, context: { params: Promise<{ slug: string; release: string }> }) => {
  const principal = await requireApiKey(request, "datasets:read");
  const params = paramsSchema.parse(await context.params);
  const progress = await getReleaseProgress(getDatabase(), principal.projectId, { slug: params.slug, release: params.release });
  return Response.json(
    {
      release: progress.number,
      status: progress.status,
      rows_frozen: progress.rowsFrozen,
      rows_expected: progress.rowsExpected,
      row_count: progress.rowCount,
      error: progress.error,
      requested_at: progress.requestedAt,
      published_at: progress.publishedAt,
      pull_url: progress.pullPath,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
