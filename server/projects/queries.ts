import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";

type Executor = Kysely<DB> | Transaction<DB>;

export async function insertProject(db: Executor, values: { name: string; slug: string; createdBy: string | null }) {
  return db
    .insertInto("projects")
    .values({ name: values.name, slug: values.slug, created_by: values.createdBy })
    .returning(["id", "slug", "name", "created_at as createdAt"])
    .executeTakeFirstOrThrow();
}

/** Slugs that start with `base`, to pick the next free `base-N`. */
export async function listSlugsLike(db: Executor, base: string): Promise<string[]> {
  const rows = await db.selectFrom("projects").select("slug").where("slug", "like", `${base}%`).execute();
  return rows.map((row) => row.slug);
}

/** The projects a user belongs to, with their role in each. */
export async function listProjectsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("projects", "projects.id", "memberships.project_id")
    .select(["projects.id", "projects.slug", "projects.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .orderBy("projects.name")
    .execute();
}

export async function findProjectBySlug(db: Executor, slug: string) {
  return db.selectFrom("projects").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
}

export async function findProjectById(db: Executor, projectId: string) {
  return db
    .selectFrom("projects")
    .select(["id", "slug", "name", "created_at as createdAt"])
    .where("id", "=", projectId)
    .executeTakeFirst();
}

export async function listProjectIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom("projects").select("id").execute();
  return rows.map((row) => row.id);
}

/** Counts for the project overview's getting-started checklist. */
export async function countProjectSetup(db: Executor, projectId: string) {
  const count = (table: "outputs" | "queues") =>
    db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("count")).where("project_id", "=", projectId).executeTakeFirstOrThrow();
  const [members, apiKeys, invites, outputs, queues] = await Promise.all([
    db.selectFrom("memberships").select((eb) => eb.fn.countAll<number>().as("count")).where("project_id", "=", projectId).executeTakeFirstOrThrow(),
    db
      .selectFrom("api_keys")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("project_id", "=", projectId)
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("invites")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("project_id", "=", projectId)
      .executeTakeFirstOrThrow(),
    count("outputs"),
    count("queues"),
  ]);
  return {
    memberCount: Number(members.count),
    activeApiKeyCount: Number(apiKeys.count),
    inviteCount: Number(invites.count),
    outputCount: Number(outputs.count),
    queueCount: Number(queues.count),
  };
}
