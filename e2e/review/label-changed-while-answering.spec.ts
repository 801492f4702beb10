import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_FIELD, VERDICT_ONLY_LABEL_SCHEMA } from "../../db/seed/loop";
import { labelSchemaSchema } from "../../server/queues/schema";
import { updateLabelSchema } from "../../server/queues/schema-version-service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a lead adds a required field while an annotator answers: the submit says the label changed, and the new label keeps the chosen answer", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const [annotator, lead] = [await seedUser(db, { name: "Vera Version" }), await seedUser(db, { name: "Lars Lead" })];
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1, labelSchema: VERDICT_ONLY_LABEL_SCHEMA });
  await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });

  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByRole("radio", { name: "Helpful" })).toBeChecked();

  await updateLabelSchema(db, { projectId: project.id, userId: lead.id }, {
    queueId: queue.id,
    labelSchema: labelSchemaSchema.parse({ ...VERDICT_ONLY_LABEL_SCHEMA, fields: [VERDICT_FIELD, { type: "rating", key: "quality", title: "Quality", max: 5, hint: "How useful is the answer?" }] }),
    optionMappings: {},
  });
  await page.keyboard.press("Enter");
  const refusal = page.getByRole("alert").filter({ hasText: "Not submitted" });
  await expect(refusal).toContainText("the lead changed this queue's label to version 2 while you answered");
  await refusal.getByRole("button", { name: "Show the new label" }).click();

  // The new field shows; the verdict chosen before stays chosen.
  await expect(page.getByText("How useful is the answer?")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Helpful" })).toBeChecked();
  await page.keyboard.press("j");
  await page.keyboard.press("4");
  await expect(page.getByRole("radio", { name: "4" })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByText("All caught up")).toBeVisible();
  const stored = await db.selectFrom("annotations").select(["values", "schema_version"]).where("annotator_id", "=", annotator.id).executeTakeFirstOrThrow();
  expect(stored).toEqual({ values: { verdict: "helpful", quality: 4 }, schema_version: 2 });
  await db.destroy();
});
