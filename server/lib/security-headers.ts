import { randomBytes } from "node:crypto";

/** A fresh nonce for one response's Content-Security-Policy. */
export function createCspNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of every response. Scripts run only from this origin and only when they carry
 * the response's nonce (Next.js stamps it on its own scripts; 'strict-dynamic' trusts the chunks they
 * load). Style elements need the nonce too (CodeMirror is given it); style attributes stay allowed, since
 * server-rendered React writes them. Nothing may frame the app.
 *
 * Development only: React's dev build uses eval, and hot reload injects style elements without a nonce.
 */
export function buildContentSecurityPolicy(options: { nonce: string; isDev: boolean }): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", nonce, "'strict-dynamic'", ...(options.isDev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(options.isDev ? ["'unsafe-inline'"] : [nonce])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    // 'self' covers same-origin WebSockets: /collab, and hot reload in development.
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** The security headers of every response, pages, APIs, static files and errors alike. */
export function buildSecurityHeaders(options: { nonce: string; isDev: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": buildContentSecurityPolicy(options),
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Setup and invite links carry tokens in their URLs; no other site is told them.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  };
}

/** The nonce a Content-Security-Policy allows scripts by, or "" when it has none. */
export function readCspNonce(policy: string | null | undefined): string {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy ?? "")?.[1] ?? "";
}
