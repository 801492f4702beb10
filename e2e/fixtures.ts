import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
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
