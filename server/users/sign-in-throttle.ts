import type { Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "@/db/types";
import { MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MINUTES } from "./schema";
import type { Executor } from "@/db/executor";

/**
 * Makes sign-ins for one email wait for each other until the transaction ends. The key is a 64-bit hash of
 * the email; two emails sharing a hash only wait for each other briefly.
 */
export async function lockSignInsForEmail(trx: Transaction<DB>, email: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${email.toLowerCase()}`}, 0))`.execute(trx);
}

/** Records a password attempt as failed before its password is checked, so attempts racing it count it; returns its id. */
export async function reserveSignInAttempt(db: Executor, email: string): Promise<number> {
  const row = await db.insertInto("sign_in_attempts").values({ email: email.toLowerCase(), succeeded: false }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Turns a reserved attempt into a success once its password checked out. */
export async function markSignInAttemptSucceeded(db: Executor, attemptId: number): Promise<void> {
  await db.updateTable("sign_in_attempts").set({ succeeded: true }).where("id", "=", attemptId).execute();
}

/**
 * Seconds until this email may try a password again, or 0. Counts failures in the window since the last
 * success, so one good sign-in clears the slate. Throttling per email, not per address, since requests
 * behind a proxy share one address; the window is short so a pause is never a lasting lock-out.
 */
export async function secondsUntilSignInAllowed(db: Executor, email: string, now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const row = await db
    .selectFrom("sign_in_attempts")
    .select([sql<number>`count(*)::int`.as("failures"), sql<Date | null>`min(attempted_at)`.as("oldestFailure")])
    .where("email", "=", email.toLowerCase())
    .where("succeeded", "=", false)
    .where("attempted_at", ">", windowStart)
    .where(({ eb, selectFrom }) =>
      eb(
        "attempted_at",
        ">",
        selectFrom("sign_in_attempts")
          .select(sql<Date>`coalesce(max(attempted_at), '-infinity'::timestamptz)`.as("lastSuccess"))
          .where("email", "=", email.toLowerCase())
          .where("succeeded", "=", true),
      ),
    )
    .executeTakeFirstOrThrow();
  if (row.failures < MAX_FAILED_SIGN_INS || !row.oldestFailure) return 0;
  return Math.max(1, Math.ceil((row.oldestFailure.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
}

/** Forgets attempts older than a day; the window never looks further back. */
export async function deleteOldSignInAttempts(db: Executor, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("sign_in_attempts").where("attempted_at", "<", new Date(now.getTime() - 86_400_000)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
