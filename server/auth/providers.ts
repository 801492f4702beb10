import { getEnv } from "@/server/lib/env";

export type SignInProvider = { id: string; name: string };

/** The single-sign-on buttons the sign-in page shows; email and password is always there. */
export function listSsoProviders(): SignInProvider[] {
  const env = getEnv();
  const providers: SignInProvider[] = [];
  if (env.GITHUB_ID) providers.push({ id: "github", name: "GitHub" });
  if (env.OIDC_ISSUER) providers.push({ id: "oidc", name: env.OIDC_NAME });
  return providers;
}
