import { seedProjectTeam } from "../../db/seed/factories";
import { seedQueue, seedQueueItems } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a queue's item list shows an output written in Markdown as plain text", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Formatted answers" });
  const [item] = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });
  const markdown = "# Refunds\n\nThey take **5 days**; see [the policy](https://example.test/refunds).";
  await db.updateTable("outputs").set({ output: JSON.stringify(markdown) }).where("id", "=", item!.outputId).execute();
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/items`);
  const items = page.getByRole("table", { name: "Queue items" });
  await expect(items.getByText("Refunds They take 5 days; see the policy.", { exact: true })).toBeVisible();
  await expect(items.getByText(/\*\*|https:/)).toHaveCount(0);
});
