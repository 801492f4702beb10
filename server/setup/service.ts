import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { createSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import { ConflictError, InvalidStateError } from "@/server/lib/errors";
import { hasInstanceAdmin } from "@/server/users/queries";
import type { SessionUser } from "@/server/users/schema";
import { createPasswordUser } from "@/server/users/service";
import { lockSetupToken, markSetupTokenUsed, replaceSetupToken } from "./queries";
import { SETUP_LINK_TTL_HOURS, type CompleteSetupInput } from "./schema";

/** Whether the instance still needs its first admin. */
export async function isSetupNeeded(db: Kysely<DB>): Promise<boolean> {
  return !(await hasInstanceAdmin(db));
}

/**
 * On a fresh install, issues a one-time setup link (replacing any earlier unused one) and returns it;
 * returns null once an admin exists.
 */
export async function issueSetupLink(db: Kysely<DB>, publicUrl: string): Promise<string | null> {
  if (!(await isSetupNeeded(db))) return null;
  const { token, hash } = createSecretToken("setup");
  await replaceSetupToken(db, hash, new Date(Date.now() + SETUP_LINK_TTL_HOURS * 3_600_000));
  return `${publicUrl}/setup?token=${encodeURIComponent(token)}`;
}

/** Creates the first instance admin from a valid setup link, and spends the link. */
export async function completeSetup(db: Kysely<DB>, input: CompleteSetupInput): Promise<SessionUser> {
  const tokenHash = hashSecretToken(input.token);
  return db.transaction().execute(async (trx) => {
    const setupToken = await lockSetupToken(trx, tokenHash);
    if (!setupToken) throw new InvalidStateError("this setup link is not valid; use the newest link the server printed", { field: "token" });
    if (setupToken.usedAt) throw new ConflictError("this setup link was already used; sign in instead", { field: "token" });
    if (setupToken.expiresAt < new Date()) {
      throw new InvalidStateError("this setup link has expired; restart the server to print a new one", { field: "token" });
    }
    if (await hasInstanceAdmin(trx)) throw new ConflictError("Goldloop already has an admin; sign in instead");
    const admin = await createPasswordUser(trx, input, { isInstanceAdmin: true });
    await markSetupTokenUsed(trx, tokenHash);
    await insertAuditEntry(trx, {
      projectId: null,
      actorUserId: admin.id,
      action: "instance.setup_completed",
      targetType: "user",
      targetId: admin.id,
    });
    return admin;
  });
}
