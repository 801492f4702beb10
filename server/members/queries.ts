import type { Transaction } from "kysely";
import type { DB, ProjectRole } from "@/db/types";
import type { Executor } from "@/db/executor";

export async function findMembership(db: Executor, projectId: string, userId: string) {
  return db
    .selectFrom("memberships")
    .select(["project_id as projectId", "user_id as userId", "role"])
    .where("project_id", "=", projectId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function listMembers(db: Executor, projectId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select([
      "users.id as userId",
      "users.name",
      "users.email",
      "memberships.role",
      "memberships.created_at as joinedAt",
      "users.disabled_at as disabledAt",
    ])
    .where("memberships.project_id", "=", projectId)
    .orderBy("users.name")
    .execute();
}

export async function insertMembership(db: Executor, values: { projectId: string; userId: string; role: ProjectRole }) {
  return db
    .insertInto("memberships")
    .values({ project_id: values.projectId, user_id: values.userId, role: values.role })
    .onConflict((conflict) => conflict.columns(["project_id", "user_id"]).doNothing())
    .returning("role")
    .executeTakeFirst();
}

export async function updateMembershipRole(db: Executor, values: { projectId: string; userId: string; role: ProjectRole }) {
  return db
    .updateTable("memberships")
    .set({ role: values.role, updated_at: new Date() })
    .where("project_id", "=", values.projectId)
    .where("user_id", "=", values.userId)
    .returning("role")
    .executeTakeFirst();
}

export async function deleteMembership(db: Executor, projectId: string, userId: string) {
  const result = await db
    .deleteFrom("memberships")
    .where("project_id", "=", projectId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Locks the project's admin memberships, so concurrent demotions cannot leave a project with none. */
export async function lockAdminUserIds(db: Transaction<DB>, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("memberships")
    .select("user_id as userId")
    .where("project_id", "=", projectId)
    .where("role", "=", "admin")
    .forUpdate()
    .execute();
  return rows.map((row) => row.userId);
}
