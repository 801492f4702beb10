import pg from "pg";
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { seedProjectTeam } from "../../db/seed/factories";
import { replaceGold, seedGold, seedManyGold, seedQueue } from "../../db/seed/loop";
import { createDataset, publishRelease } from "../../server/datasets/service";
import { DATABASE_URL_FILE } from "../environment";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a lead revises a gold with a reason, decides the new one, and sees both in the item's history", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers" });
  const gold = await seedGold(db, { projectId: project.id, queueId: queue.id, label: "helpful", externalId: "chat-7" });
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}/items/${gold.queueItemId}`);
  const history = page.getByRole("region", { name: "Gold history" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await history.getByRole("button", { name: "Revise gold" }).click();
  const dialog = page.getByRole("dialog", { name: "Revise this gold?" });
  await dialog.getByRole("button", { name: "Reopen for revision" }).click();
  await expect(dialog.getByText("say why the gold needs revising (at least 3 characters)")).toBeVisible();
  await dialog.getByLabel("Reason").fill("The refund policy changed: this answer is now harmful");
  await dialog.getByRole("button", { name: "Reopen for revision" }).click();

  await expect(page).toHaveURL(new RegExp(`/conflicts/${gold.queueItemId}$`));
  await expect(page.getByRole("heading", { name: "Revise gold" })).toBeVisible();
  await expect(page.getByText("Reason: The refund policy changed: this answer is now harmful")).toBeVisible();
  await expect(page.getByRole("region", { name: "Current gold (being revised)" })).toBeVisible();
  // The seeded gold has no reviewers' answers, so the comparison explains itself instead of offering two pickers.
  await expect(page.getByRole("region", { name: "Compare corrections" })).toContainText("No reviewer corrected the output, so there are no corrections to compare.");
  await expect(page.getByLabel("From")).toHaveCount(0);
  await page.goto(`/p/${project.slug}/conflicts`);
  await page.getByRole("link", { name: "Revise chat-7" }).click();
  await page.getByRole("radio", { name: "Harmful" }).check();
  await page.getByRole("button", { name: "Finalize gold" }).click();
  await expect(page.getByText("Gold saved")).toBeVisible();

  await page.getByRole("link", { name: "Gold history" }).click();
  const items = page.getByRole("region", { name: "Gold history" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("verdict: harmful");
  await expect(items.nth(0)).toContainText("current");
  await expect(items.nth(0)).toContainText(`Decided by ${members.lead.name}`);
  await expect(items.nth(0)).toContainText("Revised because: The refund policy changed: this answer is now harmful");
  await expect(items.nth(1)).toContainText("verdict: helpful");
  await expect(items.nth(1)).toContainText("superseded");
});

test("an ML user publishes a release, watches it freeze, then reads its changes row by row and browses its rows", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers" });
  await seedManyGold(db, { projectId: project.id, queueId: queue.id, count: 2_000, prefix: "row-" });
  const actor = { projectId: project.id, userId: members.ml.id };
  const dataset = await createDataset(db, actor, { name: "Support SFT", queueIds: [queue.id] });
  await publishRelease(db, actor, { datasetId: dataset.id, notes: "first cut" });
  const relabelled = await db
    .selectFrom("gold_labels")
    .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
    .select(["gold_labels.id", sql<string>`gold_labels.values ->> 'verdict'`.as("verdict")])
    .where("outputs.project_id", "=", project.id)
    .where("outputs.external_id", "=", "row-000002")
    .executeTakeFirstOrThrow();
  await replaceGold(db, relabelled.id, { label: "helpful", correction: "Refunds take 3 business days." });
  await seedGold(db, { projectId: project.id, queueId: queue.id, label: "helpful", externalId: "late-arrival" });
  await db.destroy();

  // Holds back the publish job's inserts, so the page is seen mid-publish; released below.
  const blocker = new pg.Client({ connectionString: readFileSync(DATABASE_URL_FILE, "utf8").trim() });
  await blocker.connect();
  try {
    await blocker.query("begin");
    await blocker.query("lock table release_rows in share row exclusive mode");

    await signIn(page, members.ml.email);
    await page.goto(`/p/${project.slug}/datasets/${dataset.id}`);
    await page.getByRole("button", { name: "Publish release 2" }).click();
    await page.getByRole("button", { name: "Freeze and publish" }).click();
    await expect(page.getByText("Release 2 is being published")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Release 2 progress" })).toHaveAttribute("aria-valuetext", "0 of 2,001 rows frozen");
    await blocker.query("commit");
  } finally {
    await blocker.end();
  }
  await expect(page.getByText("Release 2 published")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  const explorer = page.getByRole("region", { name: "Release explorer" });
  await expect(explorer.getByRole("heading", { name: "Inside release 2" })).toBeVisible();
  const changes = explorer.getByRole("table", { name: "Changes since the previous release" });
  await expect(changes.getByRole("row")).toHaveCount(3);
  await expect(changes.getByRole("row", { name: /late-arrival/ })).toContainText("added");
  const relabelledRow = changes.getByRole("row", { name: /row-000002/ });
  await expect(relabelledRow).toContainText("relabelled");
  await expect(relabelledRow).toContainText(`verdict: ${relabelled.verdict}`);
  await expect(relabelledRow).toContainText("→ verdict: helpful");

  await explorer.getByRole("tab", { name: "Rows" }).click();
  const rows = explorer.getByRole("table", { name: "Release rows" });
  await expect(rows.getByRole("row")).toHaveCount(51);
  await expect(explorer.getByText("Page 1 of 41 · 2,001 rows")).toBeVisible();
  await explorer.getByLabel("Change").selectOption("relabelled");
  await expect(rows.getByRole("row")).toHaveCount(2);
  await expect(rows).toContainText("Refunds take 3 business days.");
  await expect(rows).toContainText(`was verdict: ${relabelled.verdict}`);
  await explorer.getByLabel("Change").selectOption("");
  await explorer.getByLabel("Search rows").fill("late-arrival");
  await explorer.getByRole("button", { name: "Search" }).click();
  await expect(rows.getByRole("row")).toHaveCount(2);
  await expect(rows).toContainText("late-arrival");

  await explorer.getByRole("tab", { name: "Class balance" }).click();
  await expect(explorer.getByRole("img", { name: /^Class balance of verdict per split: train: \d+ bad, \d+ good, \d+ helpful/ })).toBeVisible();
});
