import { readFileSync } from "node:fs";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createDatabase, type Database } from "../db";
import { SEED_PASSWORD } from "../db/seed/factories";
import { DATABASE_URL_FILE, SERVER_LOG } from "./environment";

/** The one-time setup link, read from the server's output the way an admin reads it from the terminal. */
export async function readSetupLink(): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => {
      link = /https?:\/\/\S+\/setup\?token=\S+/.exec(readFileSync(SERVER_LOG, "utf8"))?.[0];
      return link;
    })
    .toBeTruthy();
  return link!;
}

/** The e2e server's database, for seeding through db/seed factories. */
export function openE2eDatabase(): Database {
  return createDatabase(readFileSync(DATABASE_URL_FILE, "utf8").trim(), { maxConnections: 2 });
}

/** Signs in through the real form, as a seeded person (password SEED_PASSWORD unless given). */
export async function signIn(page: Page, email: string, password = SEED_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** A page in a browser context of its own (its own cookies), signed in as `email`: one person of a test with several. */
export async function openAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Reports each Content-Security-Policy violation in a context's pages, from the browser's console and from the DOM event. */
async function watchForCspViolations(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /^(Refused to |CSP violation: )/.test(message.text())) violations.push(`${message.page()?.url()}: ${message.text()}`);
  });
}

export { expect };

/**
 * Playwright's test, failing any test during which a page reported a Content-Security-Policy violation.
 * Covers the default context and every context or page the test opens from `browser`.
 */
export const test = base.extend<{ failOnCspViolation: void }>({
  failOnCspViolation: [
    async ({ browser, context }, runTest) => {
      const violations: string[] = [];
      await watchForCspViolations(context, violations);
      const newContext = browser.newContext.bind(browser);
      // browser.newPage() opens its context through newContext() too.
      browser.newContext = async (...args) => {
        const opened = await newContext(...args);
        await watchForCspViolations(opened, violations);
        return opened;
      };
      try {
        await runTest();
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Opens the keyboard-shortcuts dialog with `?`. A page's text is server-rendered, so it can show before the
 * page has hydrated and listens for keys: `?` is pressed until the dialog opens.
 */
export async function openShortcuts(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return dialog;
}
