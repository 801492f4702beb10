import { expect, openE2eDatabase, signIn, test } from "../fixtures";
import { E2E_BASE_URL } from "../environment";
import { seedMembership, seedProject, seedReviewers, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems } from "../../db/seed/loop";
import { createApiKey } from "../../server/api-keys/service";
import { goldFeedEntrySchema } from "../../server/gold-feed/schema";
import { readServerSentEvents } from "../../server/gold-feed/testing/sse-reader";
import { claimNext } from "../../server/review/service";
import { submitAnnotation } from "../../server/review/submit-service";

test("a gold label a lead finalizes in the browser reaches a client of the live gold stream", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db, { name: "Gold feed" });
  const lead = await seedUser(db, { name: "Lea Lead" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  const queue = await seedQueue(db, { projectId: project.id, name: "Refund answers", overlap: 2 });
  await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });
  // Two reviewers disagree, so the item waits for the lead.
  for (const [index, reviewer] of (await seedReviewers(db, { projectId: project.id, count: 2 })).entries()) {
    const actor = { projectId: project.id, userId: reviewer.id };
    const task = await claimNext(db, actor, { queueId: queue.id });
    await submitAnnotation(db, actor, { assignmentId: task!.assignment.id, values: { verdict: index === 0 ? "helpful" : "harmful" } });
  }
  const key = (await createApiKey(db, { projectId: project.id, userId: lead.id }, { name: "few-shot refresher", scopes: ["datasets:read"] })).secret;
  await db.destroy();

  // The production app's side: one long-lived stream over real HTTP, through the same server the browser uses.
  const response = await fetch(`${E2E_BASE_URL}/api/v1/gold/stream`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  const events = readServerSentEvents(response.body!);

  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/conflicts`);
  await page.getByRole("link", { name: /^Adjudicate / }).click();
  await expect(page.getByText("Saved")).toBeVisible();
  await page.getByRole("radio", { name: /^Harmful/ }).check();
  await page.getByRole("button", { name: "Finalize gold" }).click();
  await expect(page.getByText(/adjudicated/i).first()).toBeVisible();

  const event = await events.next();
  expect(event?.event).toBe("gold");
  expect(goldFeedEntrySchema.parse(JSON.parse(event!.data))).toMatchObject({ queue: "Refund answers", label: { verdict: "harmful" }, method: "adjudicated", supersedes: null });
  await events.cancel();
});
