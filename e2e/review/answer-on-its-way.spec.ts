import { sql } from "kysely";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_ONLY_LABEL_SCHEMA } from "../../db/seed/loop";
import { reapExpiredLeases } from "../../server/review/claim-queries";
import { claimNext } from "../../server/review/service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("the next item shows while an answer is on its way; a refused answer brings its item back with the reason and the chosen label", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const [annotator, colleague] = [await seedUser(db, { name: "Olive Optimist" }), await seedUser(db, { name: "Colin Colleague" })];
  for (const user of [annotator, colleague]) await seedMembership(db, { projectId: project.id, userId: user.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1, labelSchema: VERDICT_ONLY_LABEL_SCHEMA });
  const items = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 2 });
  const activeLeases = () =>
    db.selectFrom("assignments").select(["id", "queue_item_id as queueItemId"]).where("annotator_id", "=", annotator.id).where("state", "=", "active").orderBy("id").execute();

  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  // The page holds the item on screen and has claimed the next one behind it.
  await expect.poll(async () => (await activeLeases()).length).toBe(2);
  const [shown, prefetched] = await activeLeases();
  const shownItem = items.find((item) => item.id === shown!.queueItemId)!;
  const nextItem = items.find((item) => item.id === prefetched!.queueItemId)!;
  await expect(page.getByText(shownItem.externalId, { exact: true })).toBeVisible();

  // The lease on the item on screen runs out and a colleague takes its only seat.
  await db.updateTable("assignments").set({ lease_expires_at: sql<Date>`now() - interval '1 minute'` }).where("id", "=", shown!.id).execute();
  await reapExpiredLeases(db, { projectId: project.id });
  const colleaguesTask = await claimNext(db, { projectId: project.id, userId: colleague.id }, { queueId: queue.id });
  expect(colleaguesTask?.assignment.queueItemId).toBe(shownItem.id);

  await page.keyboard.press("2");
  await expect(page.getByRole("radio", { name: "Harmful" })).toBeChecked();
  // Records whether the item claimed behind it ever reached the screen before the server's answer came back.
  await page.evaluate((nextId) => {
    const seen = { next: false };
    Object.assign(window, { seen });
    new MutationObserver(() => (seen.next ||= document.body.innerText.includes(nextId))).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, nextItem.externalId);
  await page.keyboard.press("Enter");
  // Refused: the item comes back with the server's reason, the label still chosen, nothing stored.
  await expect(page.getByRole("alert").filter({ hasText: "Not submitted" })).toContainText("your lease expired and the item was given to someone else");
  await expect(page.getByText(shownItem.externalId, { exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Harmful" })).toBeChecked();
  expect(await page.evaluate(() => (window as unknown as { seen: { next: boolean } }).seen.next), "the next item showed at once").toBe(true);
  expect(await db.selectFrom("annotations").select("id").where("project_id", "=", project.id).execute()).toEqual([]);

  // Moving on shows the item claimed behind it, and its answer is stored.
  await page.getByRole("alert").getByRole("button", { name: "Next item" }).click();
  await expect(page.getByText(nextItem.externalId, { exact: true })).toBeVisible();
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByText("All caught up")).toBeVisible();
  const stored = await db.selectFrom("annotations").select(["queue_item_id as queueItemId", "values"]).where("annotator_id", "=", annotator.id).execute();
  expect(stored).toEqual([{ queueItemId: nextItem.id, values: { verdict: "helpful" } }]);
  await db.destroy();
});

test("a fast annotator answers the next item before the last answer is stored: it waits for that one, then both are stored", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const annotator = await seedUser(db, { name: "Fay Fast" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1, labelSchema: VERDICT_ONLY_LABEL_SCHEMA });
  const items = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 3 });
  const answers = () => db.selectFrom("annotations").select(["queue_item_id as queueItemId", "values"]).where("annotator_id", "=", annotator.id).orderBy("id").execute();

  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await expect.poll(async () => (await db.selectFrom("assignments").select("id").where("annotator_id", "=", annotator.id).execute()).length).toBe(2);
  const shownExternalId = () => page.locator("dt", { hasText: /^ID$/ }).locator("xpath=following-sibling::dd[1]").textContent();
  const shownItemId = async () => {
    const externalId = await shownExternalId();
    return items.find((item) => item.externalId === externalId)?.id;
  };
  const [first, second] = await db.selectFrom("assignments").select("queue_item_id as queueItemId").where("annotator_id", "=", annotator.id).orderBy("id").execute();

  // The first answer is held on its way to the server until the test lets it go.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let isFirstSubmit = true;
  await page.route(/\/api\/trpc\/[^?]*review\.submit/, async (route) => {
    if (isFirstSubmit) {
      isFirstSubmit = false;
      await held;
    }
    await route.continue();
  });

  await page.keyboard.press("1");
  await expect(page.getByRole("radio", { name: "Helpful" })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect.poll(shownItemId).toBe(second!.queueItemId);
  await page.keyboard.press("2");
  await expect(page.getByRole("radio", { name: "Harmful" })).toBeChecked();
  await page.keyboard.press("Enter");
  // Nothing moves while the first answer is on its way: the second waits for it.
  await expect.poll(shownItemId).toBe(second!.queueItemId);
  expect(await answers()).toEqual([]);

  release();
  await expect.poll(async () => (await answers()).length).toBe(2);
  expect(await answers()).toEqual([
    { queueItemId: first!.queueItemId, values: { verdict: "helpful" } },
    { queueItemId: second!.queueItemId, values: { verdict: "harmful" } },
  ]);
  await expect.poll(shownItemId).not.toBe(second!.queueItemId);
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await db.destroy();
});
