import "server-only";
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "@/server/lib/errors";
import { listProjectsOfMember } from "@/server/projects/service";
import { safeText } from "@/server/lib/safe-text";
import type { SessionUser } from "@/server/users/schema";
import { findDatasetSlug } from "../export";
import { releaseSelectorSchema } from "../schema";
import { respondWithReleaseExport } from "./http";

/** The roles that see datasets in the UI (as the datasets router's readers). */
const DATASET_READERS: ProjectRole[] = ["lead", "ml", "admin"];

export const downloadParamsSchema = z.object({
  slug: safeText(100, { tooLong: "slug is at most 100 characters" }),
  datasetId: z.uuid("datasetId must be a dataset id"),
  release: releaseSelectorSchema,
});

/**
 * The UI's download of a release, for a signed-in member who may see the project's datasets: the same
 * formats, options, headers and ETags as the API-key pull, authorised by the session instead of a key.
 */
export async function respondWithReleaseDownload(db: Kysely<DB>, request: Request, user: SessionUser | null, rawParams: Record<string, string>): Promise<Response> {
  if (!user) throw new UnauthorizedError("sign in to download a release", { field: "session" });
  const params = downloadParamsSchema.parse(rawParams);
  const project = (await listProjectsOfMember(db, user.id)).find((candidate) => candidate.slug === params.slug);
  if (!project) throw new ForbiddenError("you are not a member of this project", { field: "slug" });
  if (!hasAnyRole(project.role as ProjectRole, DATASET_READERS)) throw new ForbiddenError("downloading releases needs the lead, ml or admin role", { field: "slug" });
  const datasetSlug = await findDatasetSlug(db, project.id, params.datasetId);
  if (!datasetSlug) throw new NotFoundError("no dataset with this id in the project", { field: "datasetId" });
  return respondWithReleaseExport(db, request, { projectId: project.id, slug: datasetSlug, release: params.release });
}
