import { createRequire } from "node:module";
import { join } from "node:path";
import type { AuthOptions } from "next-auth";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/lib/env";
import { buildAuthOptions } from "./next-auth-options";

const secret = "unit-test-secret-0123456789abcdefghij";

describe("sign-in providers", () => {
  it("offer only email and password by default", () => {
    const options = buildAuthOptions(parseEnv({ NEXTAUTH_SECRET: secret }));
    expect(options.providers.map((provider) => provider.id)).toEqual(["credentials"]);
    expect(options.session?.strategy).toBe("jwt");
  });

  it("add GitHub and OIDC when their variables are set", () => {
    const env = parseEnv({
      NEXTAUTH_SECRET: secret,
      GITHUB_ID: "gh-id",
      GITHUB_SECRET: "gh-secret",
      OIDC_ISSUER: "https://login.example.com/",
      OIDC_CLIENT_ID: "goldloop",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_NAME: "Example SSO",
    });
    const providers = buildAuthOptions(env).providers;
    expect(providers.map((provider) => provider.id)).toEqual(["credentials", "github", "oidc"]);
    expect(providers[2]).toMatchObject({ name: "Example SSO", wellKnown: "https://login.example.com/.well-known/openid-configuration" });
  });
});

type AuthCookie = { name: string; options: { secure?: boolean; httpOnly?: boolean } };
type AuthHandler = (params: { req: Request; options: AuthOptions }) => Promise<{ cookies?: AuthCookie[] }>;

// next-auth's own request handler, the one its route handler calls; the package does not export it by name.
const requireFromHere = createRequire(import.meta.url);
const { AuthHandler } = requireFromHere(join(requireFromHere.resolve("next-auth"), "..", "core", "index.js")) as { AuthHandler: AuthHandler };

describe("next-auth cookies", () => {
  it("are Secure, with the __Host-/__Secure- prefixes, when PUBLIC_URL is https, and plain otherwise", async () => {
    for (const [publicUrl, isSecure] of [
      ["https://goldloop.example.com", true],
      ["http://localhost:3000", false],
    ] as const) {
      const options = buildAuthOptions(parseEnv({ NEXTAUTH_SECRET: secret, PUBLIC_URL: publicUrl }));
      const { cookies = [] } = await AuthHandler({ req: new Request(`${publicUrl}/api/auth/csrf`), options });
      expect(cookies.map((cookie) => cookie.name).sort()).toEqual(
        isSecure ? ["__Host-next-auth.csrf-token", "__Secure-next-auth.callback-url"] : ["next-auth.callback-url", "next-auth.csrf-token"],
      );
      expect(cookies.map((cookie) => cookie.options.secure)).toEqual([isSecure, isSecure]);
    }
  });
});
