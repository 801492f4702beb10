import { getDatabase } from "@/db";
import { restHandler } from "@/server/api/rest";
import { getSessionUser } from "@/server/auth/session";
import { respondWithReleaseDownload } from "@/server/datasets/formats/download";

export const dynamic = "force-dynamic";

/** A release download for the signed-in member, in the format, split and diff the query asks for. */
export const GET = restHandler(async (request, context: { params: Promise<{ slug: string; datasetId: string; release: string }> }) =>
  respondWithReleaseDownload(getDatabase(), request, await getSessionUser(), await context.params),
);
