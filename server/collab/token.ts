import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

const AUDIENCE = "collab";
const ISSUER = "goldloop";
/** Long enough to open a socket, short enough that a leaked token is soon useless; providers fetch a fresh one on reconnect. */
export const COLLAB_TOKEN_TTL_SECONDS = 90;

export type CollabClaims = { userId: string; projectId: string; documentName: string; isReadOnly: boolean };

// A key of its own, derived from the app secret, so a collaboration token can never pass as a session token.
function deriveSigningKey(appSecret: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", appSecret, "goldloop", "collab-token-v1", 32));
}

/** Signs a token that lets one user open one document for a short while. */
export async function signCollabToken(appSecret: string, claims: CollabClaims, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ doc: claims.documentName, pid: claims.projectId, ro: claims.isReadOnly })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setAudience(AUDIENCE)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + COLLAB_TOKEN_TTL_SECONDS)
    .sign(deriveSigningKey(appSecret));
}

/** Verifies a token for a given document; throws when it is forged, expired or for another document. */
export async function verifyCollabToken(appSecret: string, token: string, documentName: string): Promise<CollabClaims> {
  const { payload } = await jwtVerify(token, deriveSigningKey(appSecret), { audience: AUDIENCE, issuer: ISSUER, algorithms: ["HS256"] });
  if (payload.doc !== documentName) throw new Error("token is for another document");
  if (typeof payload.sub !== "string" || typeof payload.pid !== "string") throw new Error("token is missing claims");
  return { userId: payload.sub, projectId: payload.pid, documentName, isReadOnly: payload.ro === true };
}
