import { z } from "zod";
import { getDatabase } from "@/db";
import { refuseOtherMethods, requireApiKey, restHandler } from "@/server/api/rest";
import { readJsonEnvelope } from "@/server/ingest/request-body";
import { requestReleaseBySlug } from "@/server/datasets/publish-service";
import { datasetSlugSchema, publishReleaseBodySchema } from "@/server/datasets/schema";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ slug: datasetSlugSchema });

/** Queues the next release for an `admin` key: 202 with its number and the status URL to follow (also in Location). */
export const POST = restHandler(async (request, context: { params: Promise<{ slug: string }> }) => {
  const principal = await requireApiKey(request, "admin");
  const { slug } = paramsSchema.parse(await context.params);
  const { notes } = await readJsonEnvelope(request, publishReleaseBodySchema, { isEmptyAllowed: true });
  const release = await requestReleaseBySlug(getDatabase(), { projectId: principal.projectId, userId: null, apiKeyId: principal.apiKeyId }, { slug, notes });
  return Response.json(
    { release: release.number, status: release.status, status_url: release.statusPath, pull_url: release.pullPath },
    { status: 202, headers: { Location: release.statusPath } },
  );
});

/** The methods this route does not serve: a 405 naming the method, with Allow. */
export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
