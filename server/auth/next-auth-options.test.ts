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
