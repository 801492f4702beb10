import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedGold, seedQueue, seedQueueItems } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a lead sets a stratified rule with priority, floor and budget in the new-queue form, then reads production estimates", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const lead = await seedUser(db, { name: "Sam Sampler" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });

  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/queues/new`);
  await page.getByLabel("Name").fill("Stratified answers");
  await page.getByLabel("Field 1 title").fill("Verdict");
  await page.getByLabel("Field 1 option 1 title").fill("Right");
  await page.getByLabel("Field 1 option 2 title").fill("Wrong");
  await page.getByLabel("Sampling rate").fill("0.05");
  await page.getByLabel("Strata").selectOption("metadata");
  await page.getByLabel("Quota per stratum per day").fill("20");
  await page.getByLabel("prioritise thumbs_down").check();
  await page.getByLabel("Priority multiplier").fill("4");
  await page.getByLabel("Exploration floor ε").fill("0.01");
  await page.getByLabel("Daily budget").fill("300");
  await page.getByRole("button", { name: /^Create queue/ }).click();
  // The metadata key is missing: the error sits on its field.
  await expect(page.getByText("name the metadata key that splits the strata")).toBeVisible();
  await page.getByLabel("Stratum metadata key").fill("locale");
  await page.getByLabel("Exploration floor ε").fill("2");
  await expect(page.getByText("explorationFloor is between 0 and 1")).toBeVisible();
  await page.getByLabel("Exploration floor ε").fill("0.01");
  await page.getByRole("button", { name: /^Create queue/ }).click();

  await expect(page.getByRole("heading", { name: "Stratified answers", level: 1 })).toBeVisible();
  const design = page.getByRole("list", { name: "Sampling design" });
  await expect(design.getByText("Strata by metadata locale, at least 20 a day each.")).toBeVisible();
  await expect(design.getByText("4× as likely with thumbs_down.")).toBeVisible();
  await expect(design.getByText("About 300 items a day at most (budget), expected from recent traffic; a sudden spike can pass it.")).toBeVisible();
  const queue = await db.selectFrom("queues").select(["id", "sampling_rule"]).where("project_id", "=", project.id).executeTakeFirstOrThrow();
  expect(queue.sampling_rule).toMatchObject({ rate: 0.05, strataBy: "metadata", strataKey: "locale", quotaPerDay: 20, prioritySignals: ["thumbs_down"], priorityMultiplier: 4, explorationFloor: 0.01, dailyBudget: 300 });

  await page.getByRole("navigation", { name: "Queue sections" }).getByRole("link", { name: "Estimates" }).click();
  await expect(page.getByText("No gold labels to estimate from yet")).toBeVisible();

  // Gold on four drawn items: one wrong at π = 0.5 (weight 2), three right at π = 0.25 (weight 4 each).
  for (const [label, pi] of [["wrong", 0.5], ["right", 0.25], ["right", 0.25], ["right", 0.25]] as const) {
    const { queueItemId } = await seedGold(db, { projectId: project.id, queueId: queue.id, label });
    await db.updateTable("queue_items").set({ inclusion_probability: pi }).where("project_id", "=", project.id).where("id", "=", queueItemId).execute();
  }
  await page.reload();
  const estimates = page.getByRole("list", { name: "Production estimates" });
  // p̂ = 2 / 14; SE = √(2·(6/7)² + 3·12·(1/7)²) / 14; the margin is 1.96 SE.
  await expect(estimates.getByText("Wrong: 14.3 % ± 20.8 % of production answers")).toBeVisible();
  await expect(estimates.getByText("Right: 85.7 % ± 20.8 % of production answers")).toBeVisible();
  await expect(page.getByRole("figure", { name: "Estimated share per window" })).toBeVisible();
  await page.keyboard.press("d");
  await expect(page.getByRole("group", { name: "Window" }).getByRole("button", { name: "Daily" })).toHaveAttribute("aria-pressed", "true");
  await db.destroy();
});

test("a lead removes an item from its queue for good, with a reason the audit log keeps", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const lead = await seedUser(db, { name: "Rae Remover" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1 });
  const [item] = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });

  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/items/${item!.id}`);
  await page.getByRole("button", { name: "Remove from queue" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove this item from its queue?" });
  await dialog.getByLabel("Reason").fill("no");
  await dialog.getByRole("button", { name: "Remove from queue" }).click();
  await expect(dialog.getByText("say why the item leaves the queue (at least 3 characters)")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Internal test traffic");
  await dialog.getByRole("button", { name: "Remove from queue" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${project.slug}/queues/${queue.id}$`));

  const removed = await db.selectFrom("queue_removed_outputs").select(["output_id", "reason", "removed_by"]).where("project_id", "=", project.id).execute();
  expect(removed).toEqual([{ output_id: item!.outputId, reason: "Internal test traffic", removed_by: lead.id }]);
  const items = await db.selectFrom("queue_items").select("id").where("project_id", "=", project.id).execute();
  expect(items).toEqual([]);
  await db.destroy();
});
