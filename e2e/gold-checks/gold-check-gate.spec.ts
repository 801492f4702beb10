import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedGold, seedQueue, seedQueueItems, VERDICT_ONLY_LABEL_SCHEMA } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

const LABEL_ONLY = VERDICT_ONLY_LABEL_SCHEMA;

test("a lead marks a resolved item as a gold check; an annotator served it answers wrong, is paused, and the lead lifts the pause", async ({ browser }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const lead = await seedUser(db, { name: "Lena Lead" });
  const annotator = await seedUser(db, { name: "Gina Gold" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers", overlap: 1, labelSchema: LABEL_ONLY });
  // The quality settings belong to the queue's settings form; here they are set directly.
  await db.updateTable("queues").set({ gold_item_rate: 0.5, gate_min_accuracy: 0.8, gate_min_gold_items: 1 }).where("id", "=", queue.id).execute();
  await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 40 });
  const gold = await seedGold(db, { projectId: project.id, queueId: queue.id, label: "helpful", externalId: `known-${project.slug}` });
  await db.destroy();

  const leadPage = await (await browser.newContext()).newPage();
  await signIn(leadPage, lead.email);
  await leadPage.goto(`/p/${project.slug}/items/${gold.queueItemId}`);
  await leadPage.getByRole("button", { name: "Use as gold check" }).click();
  await expect(leadPage.getByText("Gold check", { exact: true })).toBeVisible();

  await leadPage.goto(`/p/${project.slug}/queues/${queue.id}/gold-checks`);
  const goldItems = leadPage.getByRole("table", { name: "Gold items" });
  await expect(goldItems.getByRole("link", { name: `known-${project.slug}` })).toBeVisible();
  await expect(goldItems.getByText("not served yet")).toBeVisible();
  await expect(leadPage.getByText("No gold checks answered yet")).toBeVisible();

  // The annotator answers "Harmful" to everything; the gold check expects "Helpful". Gold checks come at
  // half the claims, so one arrives within a few items, and the claim after it is refused.
  const annotatorPage = await (await browser.newContext()).newPage();
  await signIn(annotatorPage, annotator.email);
  await annotatorPage.goto(`/p/${project.slug}/queues/${queue.id}/gold-checks`);
  await expect(annotatorPage.getByText("You do not have access to this page")).toBeVisible();
  await annotatorPage.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  const paused = annotatorPage.getByRole("heading", { name: "You are paused on this queue" });
  const item = annotatorPage.getByRole("heading", { name: "Item to review" });
  // An unanswered item on screen: the one before it, answered, stays up until the next replaces it.
  const freshAnswer = annotatorPage.getByRole("radio", { name: "Harmful", checked: false });
  for (let answered = 0; answered < 40; answered += 1) {
    await expect(paused.or(freshAnswer)).toBeVisible();
    if (await paused.isVisible()) break;
    await freshAnswer.check();
    const submitted = annotatorPage.waitForResponse((response) => response.url().includes("review.submit"));
    await annotatorPage.getByRole("button", { name: /^Submit/ }).click();
    await submitted;
  }
  await expect(paused).toBeVisible();
  await expect(annotatorPage.getByText("0 of 1 gold checks right (0 %), below the 80 % this queue asks for")).toBeVisible();
  await expect(annotatorPage.getByText(/A lead can lift the pause/)).toBeVisible();

  await leadPage.reload();
  await expect(leadPage.getByText("1 annotator paused by the quality gate")).toBeVisible();
  const numbers = leadPage.getByRole("table", { name: "Gold-check accuracy numbers" });
  await leadPage.getByText("Show the numbers").click();
  await expect(numbers.getByRole("row", { name: /Gina Gold/ })).toContainText("0 %");
  await leadPage.getByRole("button", { name: "Lift the pause on Gina Gold" }).click();
  await leadPage.getByLabel("Note").fill("Went over the rubric together");
  await leadPage.getByRole("button", { name: "Lift pause", exact: true }).click();
  await expect(leadPage.getByText("1 annotator paused by the quality gate")).toBeHidden();
  await expect(leadPage.getByText(/Nobody is paused/)).toBeVisible();

  await annotatorPage.reload();
  await expect(item).toBeVisible();
});
