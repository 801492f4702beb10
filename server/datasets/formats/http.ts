import "server-only";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { LOOP_HEALTH_HEADER, readLoopHealth } from "@/server/alerts/health";
import { countReleaseExport, resolveReleaseExport, streamReleaseExport } from "../export";
import { parseExportQuery } from "./schema";

/** True when an If-None-Match header names `etag` (or `*`); weak validators match too, as GET allows. */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/**
 * The answer to a pull of a release in the format the query string asks for, shared by the API-key route
 * and the UI's download route. Everything that can fail with a 4xx is checked before the first byte, so
 * errors are JSON and streams are only ever rows; a matching If-None-Match gets a 304 before rows are counted.
 */
export async function respondWithReleaseExport(db: Kysely<DB>, request: Request, params: { projectId: string; slug: string; release: number | "latest" }): Promise<Response> {
  const options = parseExportQuery(new URL(request.url).searchParams);
  const resolved = await resolveReleaseExport(db, { ...params, options });
  const headers: Record<string, string> = {
    ETag: resolved.etag,
    // A numbered release never changes; `latest` moves when a new release is published.
    "Cache-Control": params.release === "latest" ? "private, no-cache" : "private, max-age=31536000, immutable",
    "X-Goldloop-Release": String(resolved.selection.releaseNumber),
    // Whether the loop is collapsing now, so a training job can refuse to train. Read on every pull (304s too) and
    // kept out of the ETag: a release's rows never change, the loop's health does.
    [LOOP_HEALTH_HEADER]: await readLoopHealth(db, params.projectId),
  };
  if (matchesEtag(request.headers.get("if-none-match"), resolved.etag)) return new Response(null, { status: 304, headers });
  const releaseExport = await countReleaseExport(db, resolved);
  return new Response(streamReleaseExport(db, releaseExport), {
    headers: {
      ...headers,
      "X-Goldloop-Row-Count": String(releaseExport.rowCount),
      "Content-Type": releaseExport.contentType,
      "Content-Disposition": `attachment; filename="${releaseExport.fileName}"`,
    },
  });
}
