import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_ONLY_LABEL_SCHEMA } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("the progress panel counts each answer as it is submitted, without a reload", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const annotator = await seedUser(db, { name: "Pat Progress" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1, labelSchema: VERDICT_ONLY_LABEL_SCHEMA });
  const items = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 4 });
  await db.destroy();

  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  const panel = page.getByRole("region", { name: "Your progress" });
  const today = panel.getByRole("definition").first();
  await expect(today).toHaveText("0 here · 0 in project");
  await expect(panel.getByRole("img", { name: /Your answers per day, last 7 days \(UTC\)/ })).toBeVisible();

  for (const answered of [1, 2]) {
    await expect(page.getByText(items[answered - 1]!.externalId, { exact: true })).toBeVisible();
    await page.keyboard.press("1");
    await expect(page.getByRole("radio", { name: "Helpful" })).toBeChecked();
    await page.keyboard.press("Enter");
    await expect(page.getByText(items[answered]!.externalId, { exact: true })).toBeVisible();
    await expect(today).toHaveText(`${answered} here · ${answered} in project`);
  }
  // Two items are answered (overlap 1); how many of the other two are still free depends on whether the
  // page's prefetch claim landed before the counts were read.
  await expect(panel.getByText(/^2 items · [01] for you$/)).toBeVisible();
});
