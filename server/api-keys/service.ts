import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { hashSecretToken } from "@/server/auth/secret-tokens";
import { NotFoundError } from "@/server/lib/errors";
import type { ProjectActor } from "@/server/auth/actor";
import { findApiKeyByPrefix, insertApiKey, listApiKeys, revokeApiKey, touchApiKey } from "./queries";
import { API_KEY_PATTERN, type ApiKeyScope, type CreateApiKeyInput } from "./schema";

// Recording every use would turn each ingest call into a write; once a minute is enough to show "last used".
const LAST_USED_RESOLUTION_MS = 60_000;
const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomPrefix(): string {
  return Array.from(randomBytes(8), (byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join("");
}

export type ApiKeyPrincipal = {
  apiKeyId: string;
  projectId: string;
  projectSlug: string;
  name: string;
  scopes: ApiKeyScope[];
};

/** Creates a project API key. The secret is returned once; only its digest is stored. */
export async function createApiKey(db: Kysely<DB>, actor: ProjectActor | { projectId: string; userId: null }, input: CreateApiKeyInput) {
  const prefix = randomPrefix();
  const secret = `gl_${prefix}_${randomBytes(32).toString("base64url")}`;
  return db.transaction().execute(async (trx) => {
    const key = await insertApiKey(trx, {
      projectId: actor.projectId,
      name: input.name,
      prefix,
      secretHash: hashSecretToken(secret),
      scopes: input.scopes,
      createdBy: actor.userId,
    });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "api_key.created",
      targetType: "api_key",
      targetId: key.id,
      data: { name: key.name, scopes: input.scopes },
    });
    return { key, secret };
  });
}

/** The project's keys, active first; secrets are never returned. */
export async function listProjectApiKeys(db: Kysely<DB>, projectId: string) {
  return listApiKeys(db, projectId);
}

/** Revokes a key; requests carrying it fail from then on. */
export async function revokeProjectApiKey(db: Kysely<DB>, actor: ProjectActor, apiKeyId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const revoked = await revokeApiKey(trx, actor.projectId, apiKeyId);
    if (!revoked) throw new NotFoundError("no active API key with this id", { field: "apiKeyId" });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: apiKeyId,
      data: { name: revoked.name },
    });
  });
}

/** Resolves a presented secret to its key, or null when it is malformed, unknown or revoked. */
export async function authenticateApiKey(db: Kysely<DB>, secret: string): Promise<ApiKeyPrincipal | null> {
  const match = API_KEY_PATTERN.exec(secret);
  if (!match?.[1]) return null;
  const key = await findApiKeyByPrefix(db, match[1]);
  if (!key || key.revokedAt) return null;
  const presented = Buffer.from(hashSecretToken(secret), "hex");
  const stored = Buffer.from(key.secretHash, "hex");
  if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await touchApiKey(db, key.projectId, key.id);
  }
  return {
    apiKeyId: key.id,
    projectId: key.projectId,
    projectSlug: key.projectSlug,
    name: key.name,
    scopes: key.scopes as ApiKeyScope[],
  };
}
