import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { hashPassword, verifyPassword } from "@/server/auth/passwords";
import { ConflictError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/pg-errors";
import { findActiveUserById, findUserByEmail, findUserIdByAccount, insertAccount, insertUser } from "./queries";
import type { NewAccountInput, SessionUser } from "./schema";
import { lockSignInsForEmail, markSignInAttemptSucceeded, reserveSignInAttempt, secondsUntilSignInAllowed } from "./sign-in-throttle";
import type { Executor } from "@/db/executor";

// Verifying against a fixed hash when the email is unknown keeps the response time from revealing which emails exist.
const timingDecoyHash = hashPassword("timing-decoy-password");

/** Creates a person who signs in with email and password (input already parsed by newAccountSchema). Throws ConflictError on a taken email. */
export async function createPasswordUser(
  db: Executor,
  input: NewAccountInput,
  options: { isInstanceAdmin?: boolean } = {},
): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await insertUser(db, {
      email: input.email,
      name: input.name,
      passwordHash,
      isInstanceAdmin: options.isInstanceAdmin ?? false,
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_lower_key")) {
      throw new ConflictError("an account with this email already exists", { field: "email", cause: error });
    }
    throw error;
  }
}

export type PasswordSignIn =
  | { status: "ok"; user: SessionUser }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. After MAX_FAILED_SIGN_INS failures for an email the answer is "throttled"
 * (even for the right password) until the window passes, which makes guessing passwords impractical.
 */
export async function authenticateWithPassword(db: Kysely<DB>, credentials: { email: string; password: string }): Promise<PasswordSignIn> {
  // Checking the count and reserving the attempt happen under a per-email lock, so parallel guesses cannot
  // all read "4 failures" and each go on to a check. The slow scrypt runs after the lock is released, with
  // the attempt already counted as a failure until it proves otherwise.
  const reservation = await db.transaction().execute(async (trx) => {
    await lockSignInsForEmail(trx, credentials.email);
    const retryAfterSeconds = await secondsUntilSignInAllowed(trx, credentials.email);
    if (retryAfterSeconds > 0) return { isAllowed: false, retryAfterSeconds } as const;
    return { isAllowed: true, attemptId: await reserveSignInAttempt(trx, credentials.email) } as const;
  });
  if (!reservation.isAllowed) return { status: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };
  const user = await findUserByEmail(db, credentials.email);
  const isValid = user?.passwordHash
    ? await verifyPassword(credentials.password, user.passwordHash)
    : await verifyPassword(credentials.password, await timingDecoyHash).then(() => false);
  const signedIn = isValid && user && !user.disabledAt ? user : null;
  if (!signedIn) return { status: "invalid" };
  await markSignInAttemptSucceeded(db, reservation.attemptId);
  return { status: "ok", user: { id: signedIn.id, email: signedIn.email, name: signedIn.name, isInstanceAdmin: signedIn.isInstanceAdmin } };
}

/**
 * Maps an OAuth/OIDC identity to a Goldloop user: by linked account first, then by a verified email,
 * otherwise a new user with no projects (an invite or an admin gives them access).
 */
export async function resolveOAuthUser(
  db: Executor,
  identity: { provider: string; providerAccountId: string; email: string; name: string; isEmailVerified: boolean },
): Promise<SessionUser | null> {
  const linkedUserId = await findUserIdByAccount(db, identity.provider, identity.providerAccountId);
  if (linkedUserId) return (await findActiveUserById(db, linkedUserId)) ?? null;
  const existing = await findUserByEmail(db, identity.email);
  if (existing) {
    // Linking by email is only safe when the provider vouches for the address.
    if (!identity.isEmailVerified || existing.disabledAt) return null;
    await insertAccount(db, { userId: existing.id, provider: identity.provider, providerAccountId: identity.providerAccountId });
    return { id: existing.id, email: existing.email, name: existing.name, isInstanceAdmin: existing.isInstanceAdmin };
  }
  const created = await insertUser(db, {
    email: identity.email.toLowerCase(),
    name: identity.name || identity.email,
    passwordHash: null,
    isInstanceAdmin: false,
  });
  await insertAccount(db, { userId: created.id, provider: identity.provider, providerAccountId: identity.providerAccountId });
  return created;
}

/** The user behind a session, re-read so that disabling or deleting someone takes effect at once. */
export async function loadSessionUser(db: Executor, userId: string): Promise<SessionUser | null> {
  return (await findActiveUserById(db, userId)) ?? null;
}
