import { createHash, randomBytes } from "node:crypto";

/**
 * A bearer secret and the digest we store. Tokens carry 256 random bits, so a fast digest is safe here;
 * slow hashing is for guessable secrets such as passwords.
 */
export function createSecretToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashSecretToken(token) };
}

/** The stored digest of a bearer secret. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
