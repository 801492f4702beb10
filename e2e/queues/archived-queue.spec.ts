import { sql } from "kysely";
import { seedProjectTeam } from "../../db/seed/factories";
import { seedQueue } from "../../db/seed/loop";
import { expect, openAs, openE2eDatabase, test } from "../fixtures";

test("an archived queue's pages say it is archived: leads restore it there, annotators are told a lead can", async ({ browser }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Winter answers" });
  const archive = () => db.updateTable("queues").set({ archived_at: sql`now()` }).where("id", "=", queue.id).execute();
  await archive();
  const queueUrl = `/p/${project.slug}/queues/${queue.id}`;

  const annotator = await openAs(browser, members.annotator.email);
  await annotator.goto(`${queueUrl}/review`);
  await expect(annotator).toHaveURL(new RegExp(`${queueUrl}$`));
  await expect(annotator.getByRole("heading", { name: "Winter answers", level: 1 })).toBeVisible();
  await expect(annotator.getByText("This queue is archived", { exact: true })).toBeVisible();
  await expect(annotator.getByText(/A lead can restore it\.$/)).toBeVisible();
  await expect(annotator.getByRole("button", { name: "Restore queue" })).toHaveCount(0);

  const lead = await openAs(browser, members.lead.email);
  // Every sub-page leads back to the queue's page.
  for (const part of ["agreement", "estimates", "inference", "items", "gold-checks"]) {
    await lead.goto(`${queueUrl}/${part}`);
    await expect(lead, part).toHaveURL(new RegExp(`${queueUrl}$`));
  }
  await lead.goto(`${queueUrl}/edit`);
  await expect(lead).toHaveURL(new RegExp(`${queueUrl}$`));
  await expect(lead.getByText("Archived", { exact: true })).toBeVisible();
  await lead.getByRole("button", { name: "Restore queue" }).click();
  await expect(lead.getByRole("link", { name: /Edit queue/ })).toBeVisible();
  await expect(lead.getByText("This queue is archived", { exact: true })).toHaveCount(0);
  const stored = await db.selectFrom("queues").select("archived_at").where("id", "=", queue.id).executeTakeFirstOrThrow();
  expect(stored.archived_at).toBeNull();

  // A queue the project never had is still not found.
  const unknown = await lead.goto(`/p/${project.slug}/queues/00000000-0000-4000-8000-000000000000`);
  expect(unknown?.status()).toBe(404);
  await expect(lead.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await db.destroy();
});
