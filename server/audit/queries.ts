import type { Executor } from "@/db/executor";

export type AuditEntry = {
  projectId: string | null;
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
};

/** Appends one entry; the table refuses updates and deletes. */
export async function insertAuditEntry(db: Executor, entry: AuditEntry): Promise<void> {
  await insertAuditEntries(db, [entry]);
}

/** Appends many entries in one statement, for work done in batches. */
export async function insertAuditEntries(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto("audit_log")
    .values(
      entries.map((entry) => ({
        project_id: entry.projectId,
        actor_user_id: entry.actorUserId ?? null,
        actor_api_key_id: entry.actorApiKeyId ?? null,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId ?? null,
        data: JSON.stringify(entry.data ?? {}),
      })),
    )
    .execute();
}

/** A project's audit entries, newest first, with the acting user's name. */
export async function listAuditEntries(
  db: Executor,
  params: { projectId: string; limit: number; beforeId?: number },
) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .leftJoin("api_keys", "api_keys.id", "audit_log.actor_api_key_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.target_type as targetType",
      "audit_log.target_id as targetId",
      "audit_log.data",
      "audit_log.created_at as createdAt",
      "users.name as actorName",
      "users.email as actorEmail",
      "api_keys.name as actorApiKeyName",
    ])
    .where("audit_log.project_id", "=", params.projectId)
    .orderBy("audit_log.id", "desc")
    .limit(params.limit);
  if (params.beforeId !== undefined) query = query.where("audit_log.id", "<", params.beforeId);
  return query.execute();
}
