import { sql } from "kysely";
import type { Executor } from "@/db/executor";

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
  const [members, apiKeys, invites, anyOutput, queues] = await Promise.all([
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
    // Only whether any exist: counting a big outputs table is the activity query's job, and only once.
    db.selectFrom("outputs").select("id").where("project_id", "=", projectId).limit(1).executeTakeFirst(),
    db.selectFrom("queues").select((eb) => eb.fn.countAll<number>().as("count")).where("project_id", "=", projectId).executeTakeFirstOrThrow(),
  ]);
  return {
    memberCount: Number(members.count),
    activeApiKeyCount: Number(apiKeys.count),
    inviteCount: Number(invites.count),
    hasOutputs: anyOutput !== undefined,
    queueCount: Number(queues.count),
  };
}

/** Loop-wide totals for the overview's stat tiles; "waiting" is pending plus in review, "conflicts" are unresolved ones. */
export async function countProjectActivity(db: Executor, projectId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("outputs").select(sql<number>`count(*)::int`.as("n")).where("project_id", "=", projectId).as("outputs"),
      eb.selectFrom("queue_items").select(sql<number>`count(*)::int`.as("n")).where("project_id", "=", projectId).as("queuedItems"),
      eb
        .selectFrom("queue_items")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("project_id", "=", projectId)
        .where("state", "in", ["pending", "in_review"])
        .as("waitingItems"),
      eb
        .selectFrom("queue_items")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("project_id", "=", projectId)
        .where("state", "=", "conflict")
        .as("openConflicts"),
      eb
        .selectFrom("gold_labels")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("project_id", "=", projectId)
        .where("is_current", "=", true)
        .as("goldLabels"),
    ])
    .executeTakeFirstOrThrow();
  return {
    outputs: row.outputs ?? 0,
    queuedItems: row.queuedItems ?? 0,
    waitingItems: row.waitingItems ?? 0,
    openConflicts: row.openConflicts ?? 0,
    goldLabels: row.goldLabels ?? 0,
  };
}

/** The project's most recently published dataset release, across its datasets (queued or failed ones are not published). */
export async function findLatestRelease(db: Executor, projectId: string) {
  return db
    .selectFrom("dataset_releases")
    .innerJoin("datasets", (join) => join.onRef("datasets.id", "=", "dataset_releases.dataset_id").onRef("datasets.project_id", "=", "dataset_releases.project_id"))
    .select(["dataset_releases.number", "datasets.name as datasetName", "dataset_releases.published_at as publishedAt"])
    .where("dataset_releases.project_id", "=", projectId)
    .where("dataset_releases.status", "=", "published")
    .orderBy("dataset_releases.published_at", "desc")
    .orderBy("dataset_releases.id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export type DailyActivity = { day: string; outputs: number; annotations: number; goldLabels: number };

/**
 * Outputs ingested, annotations submitted and gold labels created per UTC day, for the `days` days ending
 * on `today` (a UTC `YYYY-MM-DD`), oldest first. Days without activity are zero rows, not missing ones.
 */
export async function listDailyActivity(db: Executor, params: { projectId: string; today: string; days: number }) {
  const { projectId, today, days } = params;
  // Bounds are UTC midnights so a day means the same thing whatever the session's time zone is.
  const { rows } = await sql<DailyActivity>`
    with bounds as (
      select (${today}::date - ${days - 1}::int)::timestamp at time zone 'utc' as since,
             (${today}::date + 1)::timestamp at time zone 'utc' as until
    ),
    days as (
      select ${today}::date - n as day from generate_series(0, ${days - 1}::int) as n
    ),
    outputs_per_day as (
      select (created_at at time zone 'utc')::date as day, count(*)::int as n
      from outputs, bounds
      where project_id = ${projectId}::uuid and created_at >= bounds.since and created_at < bounds.until
      group by 1
    ),
    annotations_per_day as (
      select (created_at at time zone 'utc')::date as day, count(*)::int as n
      from annotations, bounds
      where project_id = ${projectId}::uuid and created_at >= bounds.since and created_at < bounds.until
      group by 1
    ),
    gold_per_day as (
      select (created_at at time zone 'utc')::date as day, count(*)::int as n
      from gold_labels, bounds
      where project_id = ${projectId}::uuid and created_at >= bounds.since and created_at < bounds.until
      group by 1
    )
    select to_char(days.day, 'YYYY-MM-DD') as day,
           coalesce(o.n, 0) as outputs,
           coalesce(a.n, 0) as annotations,
           coalesce(g.n, 0) as "goldLabels"
    from days
    left join outputs_per_day as o on o.day = days.day
    left join annotations_per_day as a on a.day = days.day
    left join gold_per_day as g on g.day = days.day
    order by days.day
  `.execute(db);
  return rows;
}
