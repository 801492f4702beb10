import { readFileSync } from "node:fs";
import { seedProjectTeam } from "../../db/seed/factories";
import { seedGold, seedQueue } from "../../db/seed/loop";
import { checkOpenAiPreferenceExample } from "../../server/datasets/formats/training-rules";
import { createDataset, publishRelease } from "../../server/datasets/service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("an ML engineer downloads a release as OpenAI DPO pairs and as the changes since the last release, from the keyboard", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers" });
  await seedGold(db, { projectId: project.id, queueId: queue.id, externalId: "order-1", label: "harmful", correction: "It shipped on Monday; tracking is in your email." });
  await seedGold(db, { projectId: project.id, queueId: queue.id, externalId: "greeting-1", label: "helpful" });
  const actor = { projectId: project.id, userId: members.ml.id };
  const dataset = await createDataset(db, actor, { name: "Support SFT", description: "", queueIds: [queue.id], minConfidence: 0 });
  await publishRelease(db, actor, { datasetId: dataset.id, notes: "" });
  await seedGold(db, { projectId: project.id, queueId: queue.id, externalId: "refund-1", label: "helpful" });
  await publishRelease(db, actor, { datasetId: dataset.id, notes: "" });
  await db.destroy();

  await signIn(page, members.ml.email);
  await page.goto(`/p/${project.slug}/datasets/${dataset.id}`);
  const card = page.getByRole("region", { name: "Download a release" });
  await card.getByLabel("Release", { exact: true }).selectOption("1");
  await card.getByLabel("Format").selectOption("dpo");
  await card.getByLabel("DPO style").selectOption("openai");
  const link = card.getByRole("link", { name: "Download DPO preference pairs" });
  await link.focus();
  const [pairs] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(pairs.suggestedFilename()).toBe("support-sft-r1-dpo-openai.jsonl");
  const lines = readFileSync((await pairs.path())!, "utf8").trim().split("\n").map((line) => JSON.parse(line) as unknown);
  expect(lines).toHaveLength(1);
  expect(checkOpenAiPreferenceExample(lines[0])).toEqual([]);
  expect(lines[0]).toMatchObject({ preferred_output: [{ role: "assistant", content: "It shipped on Monday; tracking is in your email." }] });

  // Training formats cannot say a row was removed, so "changes since" is offered for the others only.
  await expect(card.getByLabel("Rows")).toHaveCount(0);
  await card.getByLabel("Release", { exact: true }).selectOption("2");
  await card.getByLabel("Format").selectOption("csv");
  await card.getByLabel("Rows").selectOption("1");
  const [changes] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "Download CSV" }).click()]);
  expect(changes.suggestedFilename()).toBe("support-sft-r2-since-r1-csv.csv");
  const csv = readFileSync((await changes.path())!, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("release,change,external_id,split,queue,schema_version,input,output,candidates,label,assertions,correction,method,confidence,lineage");
  expect(csv.slice(1).map((row) => row.split(",").slice(0, 3).join(","))).toEqual(["2,added,refund-1"]);
});

test("a dataset with no release yet says how to get one instead of offering an empty download", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Support answers" });
  const dataset = await createDataset(db, { projectId: project.id, userId: members.ml.id }, { name: "Fresh", description: "", queueIds: [queue.id], minConfidence: 0 });
  await db.destroy();

  await signIn(page, members.ml.email);
  await page.goto(`/p/${project.slug}/datasets/${dataset.id}`);
  const card = page.getByRole("region", { name: "Download a release" });
  await expect(card.getByText("Publish a release to download it here")).toBeVisible();
  await expect(card.getByRole("link", { name: /^Download / })).toHaveCount(0);
});
