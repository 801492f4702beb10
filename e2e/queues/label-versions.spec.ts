import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems } from "../../db/seed/loop";
import { claimNext } from "../../server/review/service";
import { submitAnnotation } from "../../server/review/submit-service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a lead edits a queue's label into version 2, mapping a removed option its answers chose", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const [lead, ana] = await Promise.all([seedUser(db, { name: "Lena Lead" }), seedUser(db, { name: "Ana A" })]);
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  await seedMembership(db, { projectId: project.id, userId: ana.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers", overlap: 2 });
  const [item] = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });
  const actor = { projectId: project.id, userId: ana.id };
  const task = await claimNext(db, actor, { queueId: queue.id });
  await submitAnnotation(db, actor, { assignmentId: task!.assignment.id, values: { verdict: "off_topic" } });

  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/edit`);
  await expect(page.getByText("Version 1. Saving a change makes version 2")).toBeVisible();
  await page.getByRole("button", { name: "Remove field 1 option 3" }).click();
  await page.getByRole("button", { name: "Add field" }).click();
  await page.getByLabel("Field 2 type").selectOption({ label: "Rating" });
  await page.getByLabel("Field 2 title").fill("Quality");
  await page.getByLabel("Field 2 required").uncheck();
  await page.getByRole("button", { name: "Save label as a new version" }).click();
  await expect(page.getByText("Off topic is the answer of 1 label; map it to an option of Verdict, or keep it")).toBeVisible();
  await page.getByLabel("Map Off topic of Verdict to").selectOption({ label: "Harmful" });
  await page.getByRole("button", { name: "Save label as a new version" }).click();
  await expect(page.getByText("Saved as version 2; 1 open answer moved to the mapped options.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Label versions" }).getByText(/^Version 2: Verdict, Quality/)).toBeVisible();

  const answer = await db.selectFrom("annotations").select(["values", "schema_version"]).where("queue_item_id", "=", item!.id).executeTakeFirstOrThrow();
  expect(answer).toEqual({ values: { verdict: "harmful" }, schema_version: 2 });
  await page.goto(`/p/${project.slug}/queues/${queue.id}`);
  await expect(page.getByText("1–5 · gold by median when answers lie within 1")).toBeVisible();
  await db.destroy();
});
