import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectRole } from "@/server/auth/roles";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/pg-errors";
import { insertMembership } from "@/server/members/queries";
import type { SessionUser } from "@/server/users/schema";
import {
  countProjectActivity,
  countProjectSetup,
  findLatestRelease,
  findProjectById,
  insertProject,
  listDailyActivity,
  listProjectsOfUser,
  listSlugsLike,
} from "./queries";
import { slugify, type CreateProjectInput } from "./schema";

/** Picks `base`, or `base-2`, `base-3`… when taken. */
async function pickFreeSlug(db: Kysely<DB>, base: string): Promise<string> {
  const taken = new Set(await listSlugsLike(db, base));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base.slice(0, 44)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Creates a project. From the app only instance admins may; `owner` becomes its first admin member.
 * An explicit slug that is taken is a conflict; a derived one gets a numeric suffix.
 */
export async function createProject(
  db: Kysely<DB>,
  input: CreateProjectInput,
  owner: SessionUser | null,
  options: { isTrustedCaller?: boolean } = {},
) {
  if (!options.isTrustedCaller && !owner?.isInstanceAdmin) {
    throw new ForbiddenError("only instance admins can create projects");
  }
  const slug = input.slug ?? (await pickFreeSlug(db, slugify(input.name)));
  try {
    return await db.transaction().execute(async (trx) => {
      const project = await insertProject(trx, { name: input.name, slug, createdBy: owner?.id ?? null });
      if (owner) await insertMembership(trx, { projectId: project.id, userId: owner.id, role: "admin" });
      await insertAuditEntry(trx, {
        projectId: project.id,
        actorUserId: owner?.id ?? null,
        action: "project.created",
        targetType: "project",
        targetId: project.id,
        data: { name: project.name, slug: project.slug },
      });
      return project;
    });
  } catch (error) {
    if (isUniqueViolation(error, "projects_slug_key")) {
      throw new ConflictError(`the slug "${slug}" is taken; pick another`, { field: "slug", cause: error });
    }
    throw error;
  }
}

/** The projects someone belongs to, with their role in each. */
export async function listProjectsOfMember(db: Kysely<DB>, userId: string) {
  return listProjectsOfUser(db, userId);
}

/** A project as seen by one of its members. */
export async function getProject(db: Kysely<DB>, membership: { projectId: string; role: ProjectRole }) {
  const project = await findProjectById(db, membership.projectId);
  if (!project) throw new NotFoundError("project not found");
  return { ...project, role: membership.role };
}

/** How far a project is through getting started: team, keys, and (later) queues and outputs. */
export async function getProjectOverview(db: Kysely<DB>, membership: { projectId: string; role: ProjectRole }) {
  const project = await getProject(db, membership);
  return { ...project, ...(await countProjectSetup(db, membership.projectId)) };
}

const activityDays = 14;

/** The loop at a glance: totals, the newest dataset release, and the last 14 UTC days of outputs, annotations and gold labels. */
export async function getProjectActivity(db: Kysely<DB>, projectId: string, options: { now?: Date } = {}) {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const [totals, latestRelease, daily] = await Promise.all([
    countProjectActivity(db, projectId),
    findLatestRelease(db, projectId),
    listDailyActivity(db, { projectId, today, days: activityDays }),
  ]);
  return { totals, latestRelease: latestRelease ?? null, daily };
}
