import type { APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures";

/** Asserts the security headers every response carries; returns the response's CSP nonce. */
function expectSecurityHeaders(response: APIResponse): string {
  const headers = response.headers();
  expect(headers).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "permissions-policy": expect.stringContaining("camera=()"),
  });
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  const scriptSources = /(?:^|; )script-src ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];
  expect(scriptSources).not.toContain("'unsafe-inline'");
  const nonce = /^'nonce-(.+)'$/.exec(scriptSources.find((source) => source.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce, `a script nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

test("every kind of response carries the security headers, and a page's scripts all carry its nonce", async ({ request }) => {
  const page = await request.get("/signin");
  expect(page.status()).toBe(200);
  const nonce = expectSecurityHeaders(page);
  const html = await page.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((script) => !script.includes(`nonce="${nonce}"`))).toEqual([]);

  const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
  expect(asset, "a static asset linked from the page").toBeTruthy();
  const assetResponse = await request.get(asset!);
  expect(assetResponse.status()).toBe(200);
  expectSecurityHeaders(assetResponse);

  const rest = await request.get("/api/v1/health");
  expect(rest.status()).toBe(200);
  expectSecurityHeaders(rest);

  const trpc = await request.get("/api/trpc/setup.status");
  expect(trpc.status()).toBe(200);
  expectSecurityHeaders(trpc);

  for (const path of ["/no-such-page", "/api/v1/no-such-route"]) {
    const missing = await request.get(path);
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing);
  }

  // A nonce is good for one response only.
  expect(expectSecurityHeaders(await request.get("/signin"))).not.toBe(nonce);
});
