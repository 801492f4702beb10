import { z } from "zod";
import { getDatabase } from "@/db";
import { requireApiKey, restHandler } from "@/server/api/rest";
import { streamReleaseLines } from "@/server/datasets/export";
import { datasetSlugSchema, releaseSelectorSchema } from "@/server/datasets/schema";
import { findReleaseForPull } from "@/server/datasets/service";

export const dynamic = "force-dynamic";

const pullParamsSchema = z.object({ slug: datasetSlugSchema, release: releaseSelectorSchema });

/** True when an If-None-Match header names `etag` (or `*`); weak validators match too, as GET allows. */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/**
 * Streams a dataset release as JSONL for a `datasets:read` key of the dataset's project. Everything that can
 * fail with a 4xx is checked before the first byte, so errors are JSON and streams are only ever rows.
 */
export const GET = restHandler(async (request, context: { params: Promise<{ slug: string; release: string }> }) => {
  const principal = await requireApiKey(request, "datasets:read");
  const params = pullParamsSchema.parse(await context.params);
  const db = getDatabase();
  const release = await findReleaseForPull(db, { projectId: principal.projectId, slug: params.slug, release: params.release });
  const etag = `"${release.datasetId}-${release.number}"`;
  const headers = {
    ETag: etag,
    // A numbered release never changes; `latest` moves when a new release is published.
    "Cache-Control": params.release === "latest" ? "private, no-cache" : "private, max-age=31536000, immutable",
    "X-Goldloop-Release": String(release.number),
    "X-Goldloop-Row-Count": String(release.rowCount),
  };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(streamReleaseLines(db, { projectId: principal.projectId, ...release }), {
    headers: {
      ...headers,
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${release.slug}-r${release.number}.jsonl"`,
    },
  });
});
