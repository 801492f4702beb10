import { seedProjectTeam, seedReviewers } from "../../db/seed/factories";
import { seedQueue, seedQueueItems } from "../../db/seed/loop";
import { seedAnswers } from "../../server/truth/test-support";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

const CLASSES = ["helpful", "harmful", "off_topic"];

test("a lead refits a Dawid–Skene queue, reads each annotator's reliability and dismisses a flag; an annotator is refused the page", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers" });
  await db.updateTable("queues").set({ consensus_method: "dawid_skene" }).where("id", "=", queue.id).execute();
  const items = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 30 });
  const [careful, alsoCareful, stamper] = await seedReviewers(db, { projectId: project.id, count: 3 });
  await seedAnswers(
    db,
    { projectId: project.id, queueId: queue.id },
    items.flatMap((item, index) => [
      { queueItemId: item.id, annotatorId: careful!.id, value: CLASSES[index % 3]! },
      { queueItemId: item.id, annotatorId: alsoCareful!.id, value: CLASSES[index % 3]! },
      { queueItemId: item.id, annotatorId: stamper!.id, value: "helpful" },
    ]),
  );
  // Item 1's answers say "harmful"; its gold says off_topic, so the fit flags it.
  await db.updateTable("queue_items").set({ state: "resolved", resolved_at: new Date() }).where("id", "=", items[1]!.id).execute();
  await db
    .insertInto("gold_labels")
    .values({
      project_id: project.id,
      queue_id: queue.id,
      queue_item_id: items[1]!.id,
      output_id: items[1]!.outputId,
      values: JSON.stringify({ verdict: "off_topic" }),
      method: "dawid_skene",
      confidence: 0.91,
      provenance: JSON.stringify({ seeded: true }),
    })
    .execute();
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/inference`);
  await expect(page.getByRole("heading", { name: "Truth inference" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Truth inference" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: /Not fitted yet|No answers/ })).toBeVisible();

  await page.getByRole("button", { name: /Refit now/ }).click();
  await expect(page.getByRole("heading", { name: "Fit of “verdict”" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("converged", { exact: true })).toBeVisible();
  const reliability = page.getByRole("table", { name: "Annotator reliability for verdict" });
  await expect(reliability.getByRole("row")).toHaveCount(4);
  // The stamper answers "helpful" whatever the truth, so they come last.
  await expect(reliability.getByRole("row").last()).toContainText(stamper!.name);
  await reliability.getByRole("row").last().getByRole("button", { name: "Show matrix" }).click();
  await expect(page.getByRole("table", { name: `Confusion matrix of ${stamper!.name}` })).toBeVisible();

  const flags = page.getByRole("table", { name: "Refit flags" });
  await expect(flags.getByRole("row")).toHaveCount(2);
  await expect(flags.getByRole("row").nth(1)).toContainText("off_topic");
  await expect(flags.getByRole("row").nth(1)).toContainText("harmful");
  await flags.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText("No open flags.")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, members.annotator.email);
  const response = await page.goto(`/p/${project.slug}/queues/${queue.id}/inference`);
  expect(response?.status()).toBe(403);
});
