import { z } from "zod";
import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { respondWithReleaseExport } from "@/server/datasets/formats/http";
import { datasetSlugSchema, releaseSelectorSchema } from "@/server/datasets/schema";

export const dynamic = "force-dynamic";

const pullParamsSchema = z.object({ slug: datasetSlugSchema, release: releaseSelectorSchema });

/** Streams a dataset release, in the format, split and diff the query asks for, to a `datasets:read` key of the dataset's project. */
export const GET = restHandler(async (request, context: { params: Promise<{ slug: string; release: string }> }) => {
  const principal = await requireApiKey(request, "datasets:read");
  const params = pullParamsSchema.parse(await context.params);
  return respondWithReleaseExport(getDatabase(), request, { projectId: principal.projectId, ...params });
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
