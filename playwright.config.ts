import { chromium, defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/chromium";
import { E2E_BASE_URL } from "./e2e/environment";

const browser = findChromium({ chromiumPath: process.env.CHROMIUM_PATH, searchPath: process.env.PATH, playwrightBrowser: chromium.executablePath() });
if (!browser.isFound) {
  console.error(browser.problem);
  process.exit(1);
}

export default defineConfig({
  testDir: "e2e",
  // e2e/*.test.ts are Vitest unit tests of the e2e helpers.
  testMatch: "**/*.spec.ts",
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
      executablePath: browser.executablePath,
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
