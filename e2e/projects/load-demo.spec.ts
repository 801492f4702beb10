import { expect, openE2eDatabase, signIn, test } from "../fixtures";
import { seedUser } from "../../db/seed/factories";

test("an instance admin with no projects loads the demo, and its lead finds conflicts waiting", async ({ browser, page }) => {
  const db = openE2eDatabase();
  const admin = await seedUser(db, { name: "Fresh Admin", isInstanceAdmin: true });
  await db.destroy();

  await signIn(page, admin.email);
  await expect(page.getByRole("heading", { name: "Create your first project" })).toBeVisible();
  await page.getByRole("button", { name: "Load demo project" }).click();
  await expect(page.getByText("Demo project ready")).toBeVisible({ timeout: 30_000 });
  const password = await page.getByLabel("Demo password (shown once)").inputValue();
  const leadEmail = (await page.getByText(/^lea@/).textContent())!;
  await page.getByRole("link", { name: "Open the demo project" }).click();
  await page.getByRole("link", { name: "Queues" }).click();
  await expect(page.getByRole("heading", { name: "Support answers: is this right?" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Thumbs-down triage" })).toBeVisible();

  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, leadEmail, password);
  await lead.getByRole("link", { name: /^Open conflicts/ }).click();
  await expect(lead.getByRole("link", { name: /^Adjudicate demo-/ }).first()).toBeVisible();
});
