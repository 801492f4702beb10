import type { Page } from "@playwright/test";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_ONLY_LABEL_SCHEMA } from "../../db/seed/loop";
import { labelSchemaSchema } from "../../server/queues/schema";
import { claimNext } from "../../server/review/service";
import { submitAnnotation } from "../../server/review/submit-service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

// Labels only: the correction's own survival across reloads is the collaboration document's, tested in whole-loop.
const LABEL_ONLY = VERDICT_ONLY_LABEL_SCHEMA;

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("goldloop:draft:")));

test("a chosen but unsent label and note survive a reload of the review page, and submit clears them", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const annotator = await seedUser(db, { name: "Rita Reload" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1, labelSchema: LABEL_ONLY });
  const [item] = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });

  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await page.keyboard.press("2");
  await page.getByLabel(/^Note/).fill("Promises a refund we never give.");
  await expect(page.getByRole("radio", { name: "Harmful" })).toBeChecked();

  await page.reload();
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Harmful" })).toBeChecked();
  await expect(page.getByLabel(/^Note/)).toHaveValue("Promises a refund we never give.");

  await page.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByText("All caught up")).toBeVisible();
  expect(await draftKeys(page)).toEqual([]);
  const annotation = await db.selectFrom("annotations").select(["values", "note"]).where("queue_item_id", "=", item!.id).executeTakeFirstOrThrow();
  expect(annotation).toEqual({ values: { verdict: "harmful" }, note: "Promises a refund we never give." });
  await db.destroy();
});

test("the adjudication page keeps a chosen gold label and note across a reload; the note then shows with the gold and in the audit log", async ({ browser }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const [lead, admin, ana, ben] = await Promise.all([
    seedUser(db, { name: "Lou Lead" }),
    seedUser(db, { name: "Ada Admin" }),
    seedUser(db, { name: "Ana A" }),
    seedUser(db, { name: "Ben B" }),
  ]);
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  await seedMembership(db, { projectId: project.id, userId: admin.id, role: "admin" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 2, labelSchema: LABEL_ONLY });
  const [item] = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });
  for (const [person, verdict] of [[ana, "helpful"], [ben, "off_topic"]] as const) {
    await seedMembership(db, { projectId: project.id, userId: person.id, role: "annotator" });
    const actor = { projectId: project.id, userId: person.id };
    const task = await claimNext(db, actor, { queueId: queue.id });
    await submitAnnotation(db, actor, { assignmentId: task!.assignment.id, values: { verdict } });
  }
  await db.destroy();
  const note = "Off topic: the customer asked about shipping, the answer is about refunds.";

  const leadPage = await (await browser.newContext()).newPage();
  await signIn(leadPage, lead.email);
  await leadPage.goto(`/p/${project.slug}/conflicts/${item!.id}`);
  await leadPage.getByRole("radio", { name: /^Off topic/ }).check();
  await leadPage.getByLabel(/^Note/).fill(note);
  await leadPage.reload();
  await expect(leadPage.getByRole("radio", { name: /^Off topic/ })).toBeChecked();
  await expect(leadPage.getByLabel(/^Note/)).toHaveValue(note);

  await leadPage.getByRole("button", { name: "Finalize gold" }).click();
  await expect(leadPage.getByText("Gold saved")).toBeVisible();
  const finalGold = leadPage.getByRole("region", { name: "Final gold" });
  await expect(finalGold.getByText("Lou Lead's note")).toBeVisible();
  await expect(finalGold.getByText(note)).toBeVisible();
  expect(await draftKeys(leadPage)).toEqual([]);

  // Ana answered the item, so she sees its gold with the lead's reasons.
  const anaPage = await (await browser.newContext()).newPage();
  await signIn(anaPage, ana.email);
  await anaPage.goto(`/p/${project.slug}/items/${item!.id}`);
  await expect(anaPage.getByRole("region", { name: "Final gold" }).getByText(note)).toBeVisible();

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email);
  await adminPage.goto(`/p/${project.slug}/audit`);
  const goldEntry = adminPage.getByRole("row").filter({ hasText: "Gold label created" });
  await expect(goldEntry.getByText(note)).toBeVisible();
  await expect(goldEntry.getByText("adjudicated")).toBeVisible();
});

test("a typed number survives a reload too, and Esc leaves the note so the number keys answer again", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const annotator = await seedUser(db, { name: "Nina Number" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const labelSchema = labelSchemaSchema.parse({ ...LABEL_ONLY, fields: [...LABEL_ONLY.fields, { type: "number", key: "minutes", title: "Minutes to fix", min: 0, max: 120 }] });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1, labelSchema });
  await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });

  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await page.keyboard.press("n");
  await page.keyboard.type("Checked the policy.");
  await page.keyboard.press("Escape");
  await page.keyboard.press("2");
  await expect(page.getByRole("radio", { name: "Harmful" })).toBeChecked();
  await expect(page.getByLabel(/^Note/)).toHaveValue("Checked the policy.");
  await page.keyboard.press("j");
  await page.keyboard.type("15");
  await page.keyboard.press("Escape");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await expect(page.getByRole("spinbutton")).toHaveValue("15");
  await expect(page.getByRole("radio", { name: "Harmful" })).toBeChecked();
  await db.destroy();
});
