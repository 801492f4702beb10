import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { parseEnv } from "@/server/lib/env";
import { SESSION_COOKIE, sessionCookieFor } from "./http-clients";

/** Ways a request can carry a session or a key that must not let it in. */
export const BAD_CREDENTIALS = [
  "none",
  "garbage-cookie",
  "other-secret",
  "truncated",
  "expired",
  "unknown-user",
  "chunked-garbage",
  "huge-cookie",
  "latin1-cookie",
  "bearer-garbage",
  "basic-auth",
  "unknown-api-key",
  "revoked-api-key",
] as const;
export type BadCredential = (typeof BAD_CREDENTIALS)[number];

export const badCredential: fc.Arbitrary<BadCredential> = fc.constantFrom(...BAD_CREDENTIALS);

const sessionToken = (claims: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: options.secret ?? parseEnv().NEXTAUTH_SECRET!, maxAge: options.maxAge });

/** The request headers for a bad credential; `someone` is a real user whose session gets forged or broken. */
export async function headersFor(credential: BadCredential, context: { someoneId: string; revokedApiKey: string }): Promise<Record<string, string>> {
  switch (credential) {
    case "none":
      return {};
    case "garbage-cookie":
      return { cookie: `${SESSION_COOKIE}=not-a-jwt` };
    case "other-secret":
      return { cookie: `${SESSION_COOKIE}=${await sessionToken({ sub: context.someoneId }, { secret: "another-secret-0123456789abcdef0123456789" })}` };
    case "truncated":
      return { cookie: (await sessionCookieFor(context.someoneId)).slice(0, -20) };
    case "expired":
      return { cookie: `${SESSION_COOKIE}=${await sessionToken({ sub: context.someoneId }, { maxAge: -3_600 })}` };
    case "unknown-user":
      return { cookie: `${SESSION_COOKIE}=${await sessionToken({ sub: randomUUID() })}` };
    case "chunked-garbage":
      return { cookie: `${SESSION_COOKIE}.0=eyJhbGciOiJkaXIi; ${SESSION_COOKIE}.1=garbage; ${SESSION_COOKIE}.x=1` };
    case "huge-cookie":
      return { cookie: `${SESSION_COOKIE}=${"A".repeat(64 * 1024)}` };
    case "latin1-cookie":
      return { cookie: `${SESSION_COOKIE}=\u00e9\u00ff\u0080` };
    case "bearer-garbage":
      return { authorization: "Bearer \u00e9 not a key" };
    case "basic-auth":
      return { authorization: `Basic ${Buffer.from("admin:admin").toString("base64")}` };
    case "unknown-api-key":
      return { authorization: `Bearer gl_abcdefgh_${"x".repeat(43)}` };
    case "revoked-api-key":
      return { authorization: `Bearer ${context.revokedApiKey}` };
  }
}
