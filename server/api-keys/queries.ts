import type { ApiKeyScope } from "./schema";
import type { Executor } from "@/db/executor";

const publicColumns = [
  "api_keys.id",
  "api_keys.name",
  "api_keys.prefix",
  "api_keys.scopes",
  "api_keys.created_at as createdAt",
  "api_keys.last_used_at as lastUsedAt",
  "api_keys.revoked_at as revokedAt",
] as const;

export async function insertApiKey(
  db: Executor,
  values: { projectId: string; name: string; prefix: string; secretHash: string; scopes: ApiKeyScope[]; createdBy: string | null },
) {
  return db
    .insertInto("api_keys")
    .values({
      project_id: values.projectId,
      name: values.name,
      prefix: values.prefix,
      secret_hash: values.secretHash,
      scopes: values.scopes,
      created_by: values.createdBy,
    })
    .returning(publicColumns)
    .executeTakeFirstOrThrow();
}

export async function listApiKeys(db: Executor, projectId: string) {
  return db
    .selectFrom("api_keys")
    .leftJoin("users", "users.id", "api_keys.created_by")
    .select([...publicColumns, "users.name as createdByName"])
    .where("api_keys.project_id", "=", projectId)
    .orderBy("api_keys.revoked_at", (order) => order.desc().nullsFirst())
    .orderBy("api_keys.created_at", "desc")
    .execute();
}

export async function revokeApiKey(db: Executor, projectId: string, apiKeyId: string) {
  return db
    .updateTable("api_keys")
    .set({ revoked_at: new Date() })
    .where("project_id", "=", projectId)
    .where("id", "=", apiKeyId)
    .where("revoked_at", "is", null)
    .returning(["id", "name"])
    .executeTakeFirst();
}

/** Looks a key up by its public prefix; the caller compares the secret digest. */
export async function findApiKeyByPrefix(db: Executor, prefix: string) {
  return db
    .selectFrom("api_keys")
    .innerJoin("projects", "projects.id", "api_keys.project_id")
    .select([
      "api_keys.id",
      "api_keys.project_id as projectId",
      "projects.slug as projectSlug",
      "api_keys.name",
      "api_keys.secret_hash as secretHash",
      "api_keys.scopes",
      "api_keys.revoked_at as revokedAt",
      "api_keys.last_used_at as lastUsedAt",
    ])
    .where("api_keys.prefix", "=", prefix)
    .executeTakeFirst();
}

export async function touchApiKey(db: Executor, projectId: string, apiKeyId: string): Promise<void> {
  await db
    .updateTable("api_keys")
    .set({ last_used_at: new Date() })
    .where("project_id", "=", projectId)
    .where("id", "=", apiKeyId)
    .execute();
}
