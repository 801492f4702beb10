import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_ONLY_LABEL_SCHEMA } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("an annotator goes back to the previous item with P and changes their answer, which is kept as a revision", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const annotator = await seedUser(db, { name: "Cora Change" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 2, labelSchema: VERDICT_ONLY_LABEL_SCHEMA });
  const items = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 2 });

  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: /Previous answer/ })).toBeVisible();
  await page.keyboard.press("p");

  await expect(page.getByRole("heading", { name: "Your answer", level: 1 })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Helpful" })).toBeChecked();
  await page.keyboard.press("2");
  await page.getByLabel(/^Note/).fill("Promises a refund we never give.");
  await page.getByRole("button", { name: /^Save changes/ }).click();
  await expect(page.getByText("Saved. Your earlier answer is kept in the item's history.")).toBeVisible();
  await expect(page.getByText("Changed 1 time since you first submitted it.")).toBeVisible();
  await expect(page.getByRole("list").getByText("changed")).toBeVisible();

  const answer = await db.selectFrom("annotations").select(["id", "values", "note", "revision"]).where("queue_item_id", "=", items[0]!.id).executeTakeFirstOrThrow();
  expect(answer).toMatchObject({ values: { verdict: "harmful" }, note: "Promises a refund we never give.", revision: 2 });
  const kept = await db.selectFrom("annotation_revisions").select(["revision", "values"]).where("annotation_id", "=", answer.id).execute();
  expect(kept).toEqual([{ revision: 1, values: { verdict: "helpful" } }]);

  await page.keyboard.press("b");
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await db.destroy();
});
