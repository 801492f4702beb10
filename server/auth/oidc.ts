import type { OAuthConfig } from "next-auth/providers/oauth";

type OidcClaims = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };
export type OidcUser = { id: string; email: string | null; name: string; isEmailVerified: boolean };

type OidcSettings = { issuer: string; clientId: string; clientSecret: string; name: string };

let userinfoEndpoint: Promise<string> | undefined;

async function discoverUserinfoEndpoint(issuer: string): Promise<string> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery failed with HTTP ${response.status}`);
  const { userinfo_endpoint: endpoint } = (await response.json()) as { userinfo_endpoint?: string };
  if (!endpoint) throw new Error("the OIDC provider publishes no userinfo endpoint");
  return endpoint;
}

/**
 * ID token claims, topped up from the userinfo endpoint when the ID token carries no email (providers
 * that follow the spec strictly put profile claims only in userinfo). The ID token stays the authority
 * for `sub`; userinfo answers about anyone else are ignored.
 */
async function completeClaims(issuer: string, claims: OidcClaims, accessToken: string | undefined): Promise<OidcClaims> {
  if (claims.email || !accessToken) return claims;
  const endpoint = await (userinfoEndpoint ??= discoverUserinfoEndpoint(issuer));
  const response = await fetch(endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!response.ok) return claims;
  const userinfo = (await response.json()) as OidcClaims;
  return userinfo.sub === claims.sub ? { ...userinfo, ...claims, email: userinfo.email, email_verified: userinfo.email_verified } : claims;
}

/** A generic OpenID Connect provider for next-auth, configured from OIDC_* variables. */
export function buildOidcProvider(settings: OidcSettings): OAuthConfig<OidcClaims> {
  const issuer = settings.issuer.replace(/\/$/, "");
  return {
    id: "oidc",
    name: settings.name,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    async profile(idTokenClaims, tokens): Promise<OidcUser> {
      const claims = await completeClaims(issuer, idTokenClaims, tokens.access_token);
      return {
        id: claims.sub,
        email: claims.email ?? null,
        name: claims.name ?? claims.preferred_username ?? claims.email ?? claims.sub,
        isEmailVerified: claims.email_verified === true,
      };
    },
  };
}
