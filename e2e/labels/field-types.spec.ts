import type { Page } from "@playwright/test";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueueItems } from "../../db/seed/loop";
import { createApiKey } from "../../server/api-keys/service";
import { publishFirstRelease } from "../datasets/publish-release";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

/** Fills field `n` of the new-queue form: its type and title (the key follows the title). */
async function addField(page: Page, n: number, type: string, title: string) {
  if (n > 1) await page.getByRole("button", { name: "Add field" }).click();
  await page.getByLabel(`Field ${n} type`).selectOption({ label: type });
  await page.getByLabel(`Field ${n} title`).fill(title);
}

/**
 * One annotator's answer, by keyboard only: J moves, 1–9 answer, text is typed and left with Esc, Enter
 * submits. A correction is typed at the end of the corrected output (J reaches it last), and Ctrl+Enter
 * submits from there.
 */
async function answerByKeyboard(page: Page, answer: { verdict: string; issue: string; quality: string; minutes: string; why: string; cites: string; tone: string; correction?: string }) {
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();
  await page.keyboard.press(answer.verdict);
  await page.keyboard.press("j");
  await page.keyboard.press(answer.issue);
  await page.keyboard.press("j");
  await page.keyboard.press(answer.quality);
  await page.keyboard.press("j");
  await page.keyboard.type(answer.minutes);
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await page.keyboard.type(answer.why);
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await page.keyboard.press(answer.cites);
  await page.keyboard.press("j");
  await page.keyboard.press(answer.tone);
  if (!answer.correction) return page.keyboard.press("Enter");
  await expect(page.getByText("Fix facts only; leave style alone.")).toBeVisible();
  await expect(page.getByText("Optional: if the reviewers' corrections differ, the gold is made without one.")).toBeVisible();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  // J goes on from the last criterion into the corrected output's editor.
  await page.keyboard.press("j");
  await expect(page.getByRole("textbox", { name: "Rewrite the answer" })).toBeFocused();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(answer.correction);
  await page.keyboard.press("ControlOrMeta+Enter");
}

test("a lead builds a queue of every field type; annotators answer it by keyboard; a split goes to the lead, who decides every field; the release carries them", async ({ browser, request }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const [lead, ana, ben, ml] = await Promise.all([seedUser(db, { name: "Lena Lead" }), seedUser(db, { name: "Ana A" }), seedUser(db, { name: "Ben B" }), seedUser(db, { name: "Max ML" })]);
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  await seedMembership(db, { projectId: project.id, userId: ml.id, role: "ml" });
  for (const person of [ana, ben]) await seedMembership(db, { projectId: project.id, userId: person.id, role: "annotator" });

  const leadContext = await browser.newContext();
  const page = await leadContext.newPage();
  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/queues/new`);
  await page.getByLabel("Name").fill("Graded answers");
  await addField(page, 1, "Single choice", "Verdict");
  await page.getByLabel("Field 1 option 1 title").fill("Helpful");
  await page.getByLabel("Field 1 option 2 title").fill("Harmful");
  await addField(page, 2, "Multiple choice", "Issues");
  await page.getByLabel("Field 2 option 1 title").fill("Tone");
  await page.getByLabel("Field 2 option 2 title").fill("Facts");
  await page.getByLabel("Field 2 required").uncheck();
  await addField(page, 3, "Rating", "Quality");
  await page.getByLabel("Field 3 anchors").fill("useless\npoor\nfine\ngood\nperfect");
  await addField(page, 4, "Number", "Minutes saved");
  await page.getByLabel("Field 4 max").fill("60");
  await page.getByLabel("Field 4 step").fill("5");
  await page.getByLabel("Field 4 unit").fill("min");
  await page.getByLabel("Field 4 allowed spread").fill("10");
  await addField(page, 5, "Free text", "Why");
  await page.getByLabel("Field 5 required").uncheck();
  await page.getByLabel("Field 5 allowed distance").fill("1");
  await addField(page, 6, "Rubric", "Verdict");
  await page.getByLabel("Field 6 criterion 1 title").fill("Cites a source");
  await page.getByRole("listitem", { name: "Field 6" }).getByLabel(/^Assertion/).check();
  await page.getByRole("button", { name: "Add criterion" }).click();
  await page.getByLabel("Field 6 criterion 2 title").fill("Tone");
  await page.getByLabel("Field 6 criterion 2 scale").selectOption("one_to_five");
  // A new queue asks for the corrected output as its last field; the lead titles it and makes it optional.
  await expect(page.getByLabel("Field 7 type")).toHaveValue("corrected_output");
  await page.getByLabel("Field 7 title").fill("Rewrite the answer");
  await page.getByLabel("Field 7 hint").fill("Fix facts only; leave style alone.");
  await page.getByLabel("Field 7 required").uncheck();
  await page.getByLabel("Overlap (reviewers per item)").fill("2");
  await page.getByRole("button", { name: /^Create queue/ }).click();
  await expect(page.getByText("two fields have the key verdict; give each its own")).toBeVisible();
  await page.getByLabel("Field 6 title").fill("Rubric");
  await page.getByRole("button", { name: /^Create queue/ }).click();

  await expect(page.getByRole("heading", { name: "Graded answers", level: 1 })).toBeVisible();
  await expect(page.getByText("1–5: useless … perfect · gold by median when answers lie within 1")).toBeVisible();
  await expect(page.getByText("0–60 min in steps of 5 · gold by median when answers lie within 10 min")).toBeVisible();
  await expect(page.getByText(/gold by identical corrections, spacing aside$/)).toBeVisible();
  const queue = await db.selectFrom("queues").select(["id", "label_schema"]).where("project_id", "=", project.id).executeTakeFirstOrThrow();
  await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });

  for (const [person, answer] of [
    [ana, { verdict: "1", issue: "2", quality: "4", minutes: "15", why: "Clear and short", cites: "1", tone: "4", correction: " Checked." }],
    [ben, { verdict: "1", issue: "2", quality: "1", minutes: "20", why: "Fine", cites: "1", tone: "5" }],
  ] as const) {
    const context = await browser.newContext();
    const reviewer = await context.newPage();
    await signIn(reviewer, person.email);
    await reviewer.goto(`/p/${project.slug}/queues/${queue.id}/review`);
    await answerByKeyboard(reviewer, answer);
    await expect(reviewer.getByText("All caught up")).toBeVisible();
    await context.close();
  }
  const answers = await db.selectFrom("annotations").select(["values", "correction"]).where("project_id", "=", project.id).orderBy("id").execute();
  expect(answers[0]!.correction).toMatch(/ Checked\.$/);
  expect(answers[1]!.correction).toBeNull();
  expect(answers.map((row) => row.values)).toEqual([
    { verdict: "helpful", issues: ["facts"], quality: 4, minutes_saved: 15, why: "Clear and short", rubric: { cites_a_source: true, tone: 4 } },
    { verdict: "helpful", issues: ["facts"], quality: 1, minutes_saved: 20, why: "Fine", rubric: { cites_a_source: true, tone: 5 } },
  ]);
  const item = await db.selectFrom("queue_items").select(["id", "state", "conflict_reasons"]).where("queue_id", "=", queue.id).executeTakeFirstOrThrow();
  // The corrections differ too, but the corrected output is optional: only the rating sends the item to the lead.
  expect(item).toMatchObject({ state: "conflict", conflict_reasons: ["Quality: answers spread 3 (1 to 4), more than 1"] });

  await page.goto(`/p/${project.slug}/conflicts/${item.id}`);
  await expect(page.getByText("Quality: answers spread 3 (1 to 4), more than 1")).toBeVisible();
  const anasAnswer = page.getByRole("group", { name: "Ana A's answer" });
  await expect(anasAnswer.getByText("4 / 5 · good")).toBeVisible();
  await expect(anasAnswer.getByText("Cites a source: pass · Tone: 4")).toBeVisible();
  const decision = page.getByRole("region", { name: "Your decision" });
  await page.keyboard.press("1");
  await page.keyboard.press("j");
  await page.keyboard.press("2");
  await page.keyboard.press("j");
  await page.keyboard.press("3");
  await page.keyboard.press("j");
  await page.keyboard.type("15");
  await page.keyboard.press("Escape");
  await decision.getByRole("button", { name: "Finalize gold" }).click();
  await expect(decision.getByText("Answer the highlighted fields first.")).toBeVisible();
  await expect(decision.getByText("answer Rubric")).toBeVisible();
  // The refusal moved to the first field missing an answer: the rubric's first criterion takes 1 at once.
  await page.keyboard.press("1");
  await page.keyboard.press("j");
  await page.keyboard.press("5");
  await decision.getByRole("button", { name: "Finalize gold" }).click();
  await expect(page.getByText("Gold saved")).toBeVisible();
  const gold = await db.selectFrom("gold_labels").select(["values", "method"]).where("queue_item_id", "=", item.id).executeTakeFirstOrThrow();
  expect(gold).toEqual({ values: { verdict: "helpful", issues: ["facts"], quality: 3, minutes_saved: 15, rubric: { cites_a_source: true, tone: 5 } }, method: "adjudicated" });
  await expect(page.getByRole("region", { name: "Final gold" }).getByText("3 / 5 · fine")).toBeVisible();
  await leadContext.close();

  // The ML user releases the queue: the row carries every field's gold and the rubric's assertion with its verdict.
  await publishFirstRelease(browser, { email: ml.email, slug: project.slug, datasetName: "Graded", queueName: "Graded answers" });
  const pullKey = (await createApiKey(db, { projectId: project.id, userId: lead.id }, { name: "trainer", scopes: ["datasets:read"] })).secret;
  const pull = await request.get("/api/v1/datasets/graded/releases/latest", { headers: { authorization: `Bearer ${pullKey}` } });
  expect(pull.status()).toBe(200);
  const rows = (await pull.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    label: { verdict: "helpful", issues: ["facts"], quality: 3, minutes_saved: 15, rubric: { cites_a_source: true, tone: 5 } },
    assertions: [{ field: "rubric", criterion: "cites_a_source", title: "Cites a source", scale: "pass_fail", gold: true }],
    method: "adjudicated",
  });
  await db.destroy();
});
