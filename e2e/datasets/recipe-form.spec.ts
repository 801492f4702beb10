import { seedProjectTeam } from "../../db/seed/factories";
import { seedGold, seedQueue, VERDICT_FIELD, VERDICT_LABEL_SCHEMA } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("an ML user defines a recipe and split in the form, is warned about mixed schemas, and finds the split fixed after a release", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const support = await seedQueue(db, { projectId: project.id, name: "Support answers" });
  await seedGold(db, { projectId: project.id, queueId: support.id, label: "helpful", externalId: "chat-1" });
  await seedQueue(db, { projectId: project.id, name: "Billing answers", labelSchema: { ...VERDICT_LABEL_SCHEMA, fields: [{ ...VERDICT_FIELD, options: VERDICT_FIELD.options.slice(0, 2) }] } });
  await db.destroy();

  await signIn(page, members.ml.email);
  await page.goto(`/p/${project.slug}/datasets/new`);
  await page.getByLabel("Name", { exact: true }).fill("Helpful answers");
  await page.getByRole("checkbox", { name: /Support answers/ }).check();
  await expect(page.getByText("These queues label differently")).toHaveCount(0);
  await page.getByRole("checkbox", { name: /Billing answers/ }).check();
  await expect(page.getByText("These queues label differently")).toBeVisible();
  await page.getByRole("checkbox", { name: /Billing answers/ }).uncheck();

  const verdicts = page.getByRole("group", { name: "Verdict values" });
  await verdicts.getByRole("checkbox", { name: "Helpful" }).check();
  await page.getByLabel("Corrections").selectOption("require_correction");
  await page.getByLabel("Gold decided from (UTC)").fill("2026-11-01");
  await page.getByLabel("Train").fill("0.7");
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(page.getByText("the train, validation and test shares must add up to 1")).toBeVisible();
  await page.getByLabel("Validation").fill("0.2");
  await page.getByLabel("Group rows by").selectOption("metadata");
  await page.getByLabel("Metadata key").fill("conversation_id");
  await page.getByRole("button", { name: "Create dataset" }).click();

  await expect(page.getByRole("heading", { name: "Helpful answers" })).toBeVisible();
  await expect(page.getByText("verdict ∈ {helpful}")).toBeVisible();
  await expect(page.getByText("needs a correction")).toBeVisible();
  await expect(page.getByText('train 70% · validation 20% · test 10%, grouped by metadata "conversation_id"')).toBeVisible();
  await expect(page.getByText("Fixed once the first release is published.")).toBeVisible();

  await page.getByRole("button", { name: /Edit recipe/ }).click();
  const form = page.getByRole("region", { name: "Edit dataset" });
  await form.getByRole("group", { name: "Verdict values" }).getByRole("checkbox", { name: "Harmful" }).check();
  await form.getByLabel("Corrections").selectOption("allow_original");
  await form.getByRole("button", { name: "Save recipe" }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByText("verdict ∈ {helpful, harmful}")).toBeVisible();
  await expect(page.getByText("original output allowed")).toBeVisible();

  await page.getByRole("button", { name: "Publish release 1" }).click();
  await page.getByRole("button", { name: "Freeze and publish" }).click();
  await expect(page.getByText("Release 1 published")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Fixed: every row keeps its split across releases.")).toBeVisible();
  await page.getByRole("button", { name: /Edit recipe/ }).click();
  await expect(form.getByText(/^Fixed: this dataset has a release/)).toBeVisible();
  await expect(form.getByLabel("Train")).toBeDisabled();
});
