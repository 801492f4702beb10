import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import type { Provider } from "next-auth/providers/index";
import { getDatabase } from "@/db";
import { getPublicUrl, type Env } from "@/server/lib/env";
import { SIGN_IN_THROTTLED_ERROR, signInSchema } from "@/server/users/schema";
import { authenticateWithPassword, resolveOAuthUser } from "@/server/users/service";
import { buildOidcProvider } from "./oidc";

/** The sign-in methods this instance offers: email and password always, GitHub and OIDC when configured. */
function buildProviders(env: Env): Provider[] {
  const providers: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticateWithPassword(getDatabase(), parsed.data);
        // next-auth passes a thrown message to the sign-in page as its error code.
        if (result.status === "throttled") throw new Error(SIGN_IN_THROTTLED_ERROR);
        return result.status === "ok" ? { id: result.user.id, email: result.user.email, name: result.user.name } : null;
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GithubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push(
      buildOidcProvider({ issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, name: env.OIDC_NAME }),
    );
  }
  return providers;
}

type OAuthSignIn = {
  account: { provider: string; providerAccountId: string; type: string } | null;
  /** What the provider's profile() returned; our OIDC provider adds isEmailVerified, GitHub's does not. */
  user: { email?: string | null; name?: string | null; isEmailVerified?: boolean };
};

/** Maps an OAuth sign-in to our user id; null when it must be refused (no email, or an unverified clash). */
async function resolveOAuthSignIn({ account, user }: OAuthSignIn): Promise<string | null> {
  if (!account || !user.email) return null;
  const resolved = await resolveOAuthUser(getDatabase(), {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    email: user.email,
    name: user.name ?? user.email,
    isEmailVerified: user.isEmailVerified === true,
  });
  return resolved?.id ?? null;
}

/**
 * next-auth v4 configuration. Sessions are JWTs holding only our user id; every request re-reads the user
 * and their memberships from Postgres (server/auth/session.ts), so removals and role changes apply at once.
 */
export function buildAuthOptions(env: Env): AuthOptions {
  return {
    secret: env.NEXTAUTH_SECRET,
    // Secure (and __Secure-/__Host- prefixed) cookies whenever people reach Goldloop over https.
    useSecureCookies: getPublicUrl(env).startsWith("https://"),
    providers: buildProviders(env),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ account, user }) {
        if (!account || account.type === "credentials") return true;
        return (await resolveOAuthSignIn({ account, user })) !== null;
      },
      async jwt({ token, account, user }) {
        if (account && account.type !== "credentials") token.sub = (await resolveOAuthSignIn({ account, user })) ?? undefined;
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
}
