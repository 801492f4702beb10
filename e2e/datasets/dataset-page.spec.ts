import { seedProjectTeam } from "../../db/seed/factories";
import { seedGold, seedQueue } from "../../db/seed/loop";
import { createDataset, publishRelease } from "../../server/datasets/service";
import { updateLabelSchema } from "../../server/queues/schema-version-service";
import { getProjectQueue } from "../../server/queues/service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a new dataset with minimum confidence 2 says what to enter, in words", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  await seedQueue(db, { projectId: project.id, name: "Support answers" });
  await db.destroy();

  await signIn(page, members.ml.email);
  await page.goto(`/p/${project.slug}/datasets/new`);
  await page.getByLabel("Name", { exact: true }).fill("Support SFT");
  await page.getByRole("checkbox", { name: /Support answers/ }).check();
  await page.getByLabel("Minimum confidence").fill("2");
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(page.getByText("use a number from 0 to 1")).toBeVisible();
  await expect(page.getByText(/Too big|expected number|\[object Object\]/)).toHaveCount(0);
  await expect(page).toHaveURL(/\/datasets\/new$/);

  await page.getByLabel("Minimum confidence").fill("0.8");
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(page.getByRole("heading", { name: "Support SFT" })).toBeVisible();
});

test("the releases table shows when and by whom each release was published, in full, beside the pull card", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers" });
  await seedGold(db, { projectId: project.id, queueId: queue.id, label: "helpful" });
  const actor = { projectId: project.id, userId: members.ml.id };
  const dataset = await createDataset(db, actor, { name: "Support SFT", description: "", queueIds: [queue.id], minConfidence: 0 });
  await publishRelease(db, actor, { datasetId: dataset.id, notes: "First cut, reviewed by the whole support team over two weeks of November traffic." });
  await db.destroy();

  await signIn(page, members.ml.email);
  await page.goto(`/p/${project.slug}/datasets/${dataset.id}`);
  const releases = page.getByRole("table", { name: "Releases" });
  const published = releases.getByRole("row").nth(1).getByRole("cell").last();
  await expect(published).toContainText(`by ${members.ml.name}`);
  const date = published.locator("time");
  await expect(date).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/);
  for (const width of [1024, 1180, 1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    // Nothing scrolls or clips: the table fits its card and the date's text fits its box.
    expect(await releases.evaluate((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth), `table fits at ${width}px`).toBe(true);
    expect(await date.evaluate((time) => time.scrollWidth <= Math.ceil(time.getBoundingClientRect().width)), `date fits at ${width}px`).toBe(true);
    const cardRight = await releases.evaluate((table) => table.parentElement!.getBoundingClientRect().right);
    const dateBox = (await date.boundingBox())!;
    expect(dateBox.x + dateBox.width, `date inside its card at ${width}px`).toBeLessThanOrEqual(cardRight);
  }
});

test("a release whose queue changed its label warns that it mixes label versions, with the rows of each", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers" });
  const gold = [await seedGold(db, { projectId: project.id, queueId: queue.id, label: "helpful" }), await seedGold(db, { projectId: project.id, queueId: queue.id, label: "harmful" })];
  const lead = { projectId: project.id, userId: members.lead.id };
  const { labelSchema } = await getProjectQueue(db, lead, queue.id);
  await updateLabelSchema(db, lead, { queueId: queue.id, labelSchema: { ...labelSchema, allowNote: !labelSchema.allowNote }, optionMappings: {} });
  await db.updateTable("gold_labels").set({ schema_version: 2 }).where("id", "=", gold[1]!.goldLabelId).execute();
  const actor = { projectId: project.id, userId: members.ml.id };
  const dataset = await createDataset(db, actor, { name: "Support SFT", description: "", queueIds: [queue.id], minConfidence: 0 });
  await publishRelease(db, actor, { datasetId: dataset.id, notes: "" });

  await signIn(page, members.ml.email);
  await page.goto(`/p/${project.slug}/datasets/${dataset.id}`);
  const warning = page.getByRole("region", { name: "Release explorer" }).getByRole("status").filter({ hasText: "This release mixes label versions" });
  await expect(warning).toContainText("Support answers: versions 1 (1 row), 2 (1 row)");
  await db.destroy();
});
