import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "@/db/types";
import { MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MINUTES } from "./schema";

type Executor = Kysely<DB> | Transaction<DB>;

/** Records one password attempt for an email (lower-cased). */
export async function recordSignInAttempt(db: Executor, email: string, succeeded: boolean): Promise<void> {
  await db.insertInto("sign_in_attempts").values({ email: email.toLowerCase(), succeeded }).execute();
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
