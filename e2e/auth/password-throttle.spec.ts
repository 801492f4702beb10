import { expect, openE2eDatabase, test } from "../fixtures";
import { SEED_PASSWORD, seedUser } from "../../db/seed/factories";
import { MAX_FAILED_SIGN_INS } from "../../server/users/schema";

test("repeated wrong passwords pause sign-in for that email, with a message that says so", async ({ page }) => {
  const db = openE2eDatabase();
  const person = await seedUser(db);
  await db.destroy();

  await page.goto("/signin");
  await page.getByLabel("Email").fill(person.email);
  for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
  }
  await page.getByLabel("Password").fill(SEED_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed attempts for this email/);
  await expect(page).toHaveURL(/\/signin/);
});
