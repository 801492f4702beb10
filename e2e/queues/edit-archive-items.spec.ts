import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedGold, seedQueue, seedQueueItems } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a lead edits a queue, browses its items by state, archives it and restores it", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const lead = await seedUser(db, { name: "Edna Editor" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers", overlap: 2 });
  await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 3 });
  const gold = await seedGold(db, { projectId: project.id, queueId: queue.id, label: "harmful", externalId: "resolved-output" });

  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}`);
  await expect(page.getByRole("link", { name: /Edit queue/ })).toBeVisible();
  // The link is server-rendered; its key listens once the page has hydrated, so the key is pressed until it does.
  const editHeading = page.getByRole("heading", { name: "Edit Support answers", level: 1 });
  await expect(async () => {
    await page.keyboard.press("e");
    await expect(editHeading).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.getByLabel("Name").fill("Billing answers");
  await page.getByLabel("Lease seconds").fill("5");
  await page.getByLabel("Tags").fill("billing, refunds");
  await page.getByRole("button", { name: /^Save changes/ }).click();
  await expect(page.getByText("lease is at least 30 seconds")).toBeVisible();
  await page.getByLabel("Lease seconds").fill("900");
  await page.getByLabel("Overlap (reviewers per item)").fill("1");
  await expect(page.getByText("Lowering k from 2 resolves, on save")).toBeVisible();
  await page.getByLabel("Overlap (reviewers per item)").fill("3");
  await page.getByLabel("Name").press("ControlOrMeta+Enter");
  await expect(page.getByText("Saved. Claims and ingest from now on follow the new settings.")).toBeVisible();

  await page.getByRole("link", { name: "Back to the queue" }).click();
  await expect(page.getByRole("heading", { name: "Billing answers", level: 1 })).toBeVisible();
  await expect(page.getByText("15 min", { exact: true })).toBeVisible();
  const stored = await db.selectFrom("queues").select(["name", "overlap", "lease_seconds", "sampling_rule"]).where("id", "=", queue.id).executeTakeFirstOrThrow();
  expect(stored).toMatchObject({ name: "Billing answers", overlap: 3, lease_seconds: 900, sampling_rule: { tags: ["billing", "refunds"] } });

  await page.getByRole("navigation", { name: "Queue sections" }).getByRole("link", { name: "Items" }).click();
  const items = page.getByRole("table", { name: "Queue items" });
  await expect(items.getByRole("row")).toHaveCount(5);
  await page.getByRole("group", { name: "Show items" }).getByRole("button", { name: "Resolved 1" }).click();
  await expect(page).toHaveURL(/state=resolved/);
  await expect(items.getByRole("row")).toHaveCount(2);
  await expect(items.getByText("resolved-output")).toBeVisible();
  await expect(items.getByRole("cell", { name: "Harmful" })).toBeVisible();
  await page.getByRole("group", { name: "Show items" }).getByRole("button", { name: "Conflict 0" }).click();
  await expect(page.getByText("No items in this state")).toBeVisible();
  await page.getByRole("group", { name: "Show items" }).getByRole("button", { name: "Resolved 1" }).click();
  await items.getByRole("link", { name: `Item ${gold.queueItemId}: history` }).click();
  await expect(page).toHaveURL(new RegExp(`/items/${gold.queueItemId}$`));

  await page.goto(`/p/${project.slug}/queues/${queue.id}/edit`);
  await page.getByRole("button", { name: "Archive queue" }).click();
  await page.getByRole("dialog", { name: "Archive Billing answers?" }).getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Archived Billing answers. Its items and gold are kept")).toBeVisible();
  await expect(page.getByRole("list", { name: "Queues", exact: true })).toBeHidden();
  await page.getByRole("button", { name: "Restore Billing answers" }).click();
  await expect(page.getByRole("list", { name: "Queues", exact: true }).getByText("Billing answers")).toBeVisible();
  await expect(page.getByRole("button", { name: /Archived queues/ })).toBeHidden();
  await expect(page.getByText("Restored Billing answers. It takes new outputs and claims again")).toBeVisible();
  await db.destroy();
});
