import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".goldloop/**", "node_modules/**", "next-env.d.ts", "db/types.ts", "test-results/**", "playwright-report/**", "bench/.out/**"]),
  {
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Specs take `test` from e2e/fixtures, which fails a test on any Content-Security-Policy violation.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", importNames: ["test", "expect"], message: "import test and expect from e2e/fixtures" }] },
      ],
    },
  },
  {
    // Client code may reach into server/ only for zod schemas and types (STYLE.md rule 1).
    files: ["components/**/*.{ts,tsx}", "app/**/*.tsx"],
    ignores: ["app/api/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "!@/db/types"], message: "components never import the database" },
            { group: ["@/server/*/service", "@/server/*/queries", "@/server/*/*-queries", "@/server/*/*-service"], message: "call tRPC instead" },
          ],
        },
      ],
    },
  },
]);
