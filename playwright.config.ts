import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e/environment";

// Debian's Chromium where browsers cannot be downloaded (CI here sets CHROMIUM_PATH); Playwright's own elsewhere.
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: "e2e",
  // One server with one database: tests share it, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "node_modules/.bin/tsx e2e/serve.ts",
    url: `${E2E_BASE_URL}/api/v1/health`,
    // The first start may build the app.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
