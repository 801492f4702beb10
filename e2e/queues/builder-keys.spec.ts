import { seedProjectTeam } from "../../db/seed/factories";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("Enter in a builder box keeps the lead in the form; Ctrl+Enter creates the queue, whose label card shows each field's hint", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}/queues/new`);
  const title = page.getByLabel("Field 1 title");
  // The key follows the title once the form has hydrated; until then a typed title is typed again.
  await expect(async () => {
    await title.fill("Verdict");
    await expect(page.getByLabel("Field 1 key")).toHaveValue("verdict", { timeout: 1_000 });
  }).toPass();
  await page.getByLabel("Name").fill("Keyed answers");
  await page.getByLabel("Name").press("Enter");
  await title.press("Enter");
  await page.getByLabel("Field 1 hint").fill("Pick the closest one");
  await page.getByLabel("Field 1 hint").press("Enter");
  await page.getByLabel("Field 1 option 1 title").fill("Helpful");
  await page.getByLabel("Field 1 option 1 title").press("Enter");
  // A submit would have checked the form and flagged the empty second option.
  await expect(page.getByText("Check the highlighted fields.")).toBeHidden();
  await expect(page).toHaveURL(/\/queues\/new$/);

  await page.getByLabel("Field 2 corrections agree when").selectOption("medoid");
  await expect(page.getByLabel("Field 2 allowed distance")).toHaveValue("0.1");
  await page.getByLabel("Field 1 option 2 title").fill("Harmful");
  await page.getByLabel("Field 1 option 2 title").press("ControlOrMeta+Enter");
  await expect(page.getByRole("heading", { name: "Keyed answers", level: 1 })).toBeVisible();
  await expect(page.getByText("Pick the closest one", { exact: true })).toBeVisible();
});
