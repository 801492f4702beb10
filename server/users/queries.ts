import { sql } from "kysely";
import type { Executor } from "@/db/executor";

const sessionColumns = ["id", "email", "name", "is_instance_admin as isInstanceAdmin"] as const;

export async function findActiveUserById(db: Executor, id: string) {
  return db
    .selectFrom("users")
    .select(sessionColumns)
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

export async function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom("users")
    .select([...sessionColumns, "password_hash as passwordHash", "disabled_at as disabledAt"])
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export async function insertUser(
  db: Executor,
  values: { email: string; name: string; passwordHash: string | null; isInstanceAdmin: boolean },
) {
  return db
    .insertInto("users")
    .values({
      email: values.email,
      name: values.name,
      password_hash: values.passwordHash,
      is_instance_admin: values.isInstanceAdmin,
    })
    .returning(sessionColumns)
    .executeTakeFirstOrThrow();
}

export async function findUserIdByAccount(db: Executor, provider: string, providerAccountId: string) {
  const row = await db
    .selectFrom("accounts")
    .select("user_id as userId")
    .where("provider", "=", provider)
    .where("provider_account_id", "=", providerAccountId)
    .executeTakeFirst();
  return row?.userId;
}

export async function insertAccount(db: Executor, values: { userId: string; provider: string; providerAccountId: string }) {
  await db
    .insertInto("accounts")
    .values({ user_id: values.userId, provider: values.provider, provider_account_id: values.providerAccountId })
    .onConflict((conflict) => conflict.columns(["provider", "provider_account_id"]).doNothing())
    .execute();
}

export async function hasInstanceAdmin(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("is_instance_admin", "=", true)
    .where("disabled_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Display names by user id, for tables and charts that name people; removed members keep their name on their history. */
export async function listUserNames(db: Executor, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "name"]).where("id", "in", userIds).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
