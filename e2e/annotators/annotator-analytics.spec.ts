import { sql } from "kysely";
import { seedProjectTeam, seedReviewers } from "../../db/seed/factories";
import { seedQueue, seedQueueItems } from "../../db/seed/loop";
import { claimNext } from "../../server/review/service";
import { submitAnnotation } from "../../server/review/submit-service";
import type { Database } from "../../db";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

// Sign-ins, three pages and first compiles of the analytics routes: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function answer(db: Database, actor: { projectId: string; userId: string }, queueId: string, verdict: string, timeSpentMs: number) {
  const task = await claimNext(db, actor, { queueId });
  await submitAnnotation(db, actor, { assignmentId: task!.assignment.id, values: { verdict }, timeSpentMs });
}

/**
 * A queue where the project's annotator and a second reviewer answered the same two items, differently once;
 * `daysAgo` moves the answers into the past (an annotator's own page shows answers up to yesterday).
 */
async function seedAnsweredQueue(daysAgo = 0) {
  const db = openE2eDatabase();
  const team = await seedProjectTeam(db);
  const projectId = team.project.id;
  const [other] = await seedReviewers(db, { projectId, count: 1 });
  const queue = await seedQueue(db, { projectId, name: "Refund answers", overlap: 2 });
  await seedQueueItems(db, { projectId, queueId: queue.id, count: 2 });
  const annotator = { projectId, userId: team.members.annotator.id };
  const reviewer = { projectId, userId: other!.id };
  await answer(db, annotator, queue.id, "helpful", 4_000);
  await answer(db, annotator, queue.id, "harmful", 6_000);
  await answer(db, reviewer, queue.id, "helpful", 2_000);
  await answer(db, reviewer, queue.id, "helpful", 2_000);
  const past = sql<Date>`now() - make_interval(days => ${daysAgo})`;
  await db.updateTable("annotations").set({ created_at: past }).where("project_id", "=", projectId).execute();
  await db.updateTable("assignments").set({ created_at: past }).where("project_id", "=", projectId).execute();
  await db.destroy();
  return { ...team, other: other! };
}

test("a lead opens the annotators table from the navigation and reads one person's charts and numbers", async ({ page }) => {
  const { project, members } = await seedAnsweredQueue();
  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}`);
  // The shortcut listener exists once the shell has hydrated: keys pressed before that are lost, so press again.
  await expect(async () => {
    await page.keyboard.press("g");
    await page.keyboard.press("n");
    await expect(page.getByRole("heading", { name: "Annotators", level: 1 })).toBeVisible({ timeout: 2_000 });
  }).toPass();

  const table = page.getByRole("table", { name: "Annotators" });
  const row = table.getByRole("row").filter({ hasText: members.annotator.name });
  await expect(row).toContainText("5 s");
  await expect(row).toContainText("50 %");
  await expect(row.getByRole("img", { name: /^2 counted answers in the last 30 days/ })).toBeVisible();

  await page.keyboard.press("j");
  await expect(table.getByRole("link").first()).toBeFocused();
  await row.getByRole("link", { name: members.annotator.name }).click();
  await expect(page.getByRole("heading", { name: members.annotator.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Headline numbers" })).toContainText("Median time");
  await expect(page.getByRole("img", { name: /^2 counted answers in the last 30 days/ })).toBeVisible();

  await page.getByText("Show the numbers").first().click();
  await expect(page.getByRole("table", { name: "Counted answers per day" }).getByRole("row").nth(1)).toContainText("2");
  const distribution = page.getByRole("table", { name: "Label distribution: Verdict · Refund answers" });
  await page.getByText("Show the numbers").nth(1).click();
  await expect(distribution.getByRole("row").filter({ hasText: "Helpful" })).toContainText("50 %");
  await expect(distribution.getByRole("row").filter({ hasText: "Helpful" })).toContainText("100 %");

  await page.keyboard.press("f");
  await expect(page.getByLabel(/^Queue/)).toBeFocused();
  await page.getByLabel(/^Queue/).selectOption({ label: "Refund answers" });
  await expect(page).toHaveURL(/\?queue=/);
  await expect(page.getByRole("list", { name: "Headline numbers" })).toContainText("5 s");

  // Shortcuts stay quiet while a select has focus (letters pick options there), so leave it first.
  await page.getByRole("heading", { name: members.annotator.name, level: 1 }).click();
  await page.keyboard.press("u");
  await expect(page.getByRole("heading", { name: "Annotators", level: 1 })).toBeVisible();
});

test("an annotator lands on their own page and is refused someone else's", async ({ page }) => {
  const { project, members, other } = await seedAnsweredQueue(1);
  await signIn(page, members.annotator.email);
  await page.goto(`/p/${project.slug}`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Annotators" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${project.slug}/annotators/${members.annotator.id}$`));
  await expect(page.getByRole("heading", { name: `Your work, ${members.annotator.name}`, level: 1 })).toBeVisible();
  await expect(page.getByText(/Your own numbers up to the end of yesterday \(UTC\)/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Headline numbers" })).toContainText("50 %");

  const response = await page.goto(`/p/${project.slug}/annotators/${other.id}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});
