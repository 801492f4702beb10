import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside a React Server bundle; server modules are plain Node here.
      { find: /^server-only$/, replacement: `${root}/server/lib/server-only-noop.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{server,db,components,app,bench,e2e}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.{ts,tsx}", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["{server,db,app}/**/*.int.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["db/testing/global-setup.ts"],
          // Tests sign collaboration tokens; a fixed secret keeps them independent of any local .goldloop folder.
          env: { NEXTAUTH_SECRET: "integration-tests-secret-0123456789abcdef", LOG_LEVEL: "warn" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
