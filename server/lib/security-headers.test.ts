import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, buildSecurityHeaders, createCspNonce, readCspNonce } from "./security-headers";

/** The sources of one directive, or undefined when the policy lacks it. */
function sourcesOf(policy: string, directive: string): string[] | undefined {
  return policy
    .split("; ")
    .map((part) => part.split(" "))
    .find(([name]) => name === directive)
    ?.slice(1);
}

describe("security headers", () => {
  it("allow scripts only by this response's nonce in production, and forbid framing", () => {
    const policy = buildContentSecurityPolicy({ nonce: "abc123==", isDev: false });
    expect(sourcesOf(policy, "script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(sourcesOf(policy, "style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(sourcesOf(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(sourcesOf(policy, "object-src")).toEqual(["'none'"]);
    expect(policy).not.toContain("unsafe-eval");
  });

  it("relax only what hot reload needs in development", () => {
    const production = buildContentSecurityPolicy({ nonce: "n", isDev: false });
    const development = buildContentSecurityPolicy({ nonce: "n", isDev: true });
    expect(sourcesOf(development, "script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(sourcesOf(development, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    const unchanged = (policy: string) => policy.split("; ").filter((part) => !/^(script-src|style-src) /.test(part));
    expect(unchanged(development)).toEqual(unchanged(production));
  });

  it("come as one set, with the nonce readable back from the policy", () => {
    const nonce = createCspNonce();
    expect(createCspNonce()).not.toBe(nonce);
    const headers = buildSecurityHeaders({ nonce, isDev: false });
    expect(Object.keys(headers).sort()).toEqual([
      "Content-Security-Policy",
      "Permissions-Policy",
      "Referrer-Policy",
      "X-Content-Type-Options",
      "X-Frame-Options",
    ]);
    expect(headers).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff" });
    expect(readCspNonce(headers["Content-Security-Policy"])).toBe(nonce);
    expect(readCspNonce(null)).toBe("");
    expect(readCspNonce("default-src 'self'")).toBe("");
  });
});
