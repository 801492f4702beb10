import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";

export async function replaceSetupToken(db: Executor, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.deleteFrom("setup_tokens").where("used_at", "is", null).execute();
  await db.insertInto("setup_tokens").values({ token_hash: tokenHash, expires_at: expiresAt }).execute();
}

/** Locks the token row so two browsers racing through setup cannot both use it. */
export async function lockSetupToken(db: Transaction<DB>, tokenHash: string) {
  return db
    .selectFrom("setup_tokens")
    .select(["expires_at as expiresAt", "used_at as usedAt"])
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markSetupTokenUsed(db: Executor, tokenHash: string): Promise<void> {
  await db.updateTable("setup_tokens").set({ used_at: new Date() }).where("token_hash", "=", tokenHash).execute();
}
