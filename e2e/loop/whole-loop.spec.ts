import type { Page } from "@playwright/test";
import { publishFirstRelease } from "../datasets/publish-release";
import { expect, openAs, openE2eDatabase, test } from "../fixtures";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { createApiKey } from "../../server/api-keys/service";
import { buildSamplingRule } from "../../server/queues/schema";
import { createQueue } from "../../server/queues/service";

const originalAnswer = "Refunds take 24 hours. If you don't see it, your bank is at fault.";
const leadCorrection = "Refunds reach your card within 5 to 7 business days after we receive the return.";

/** Replaces the whole text of a CodeMirror editor the way a person would: select all, type. */
async function rewriteEditor(page: Page, name: string, text: string) {
  const editor = page.getByRole("textbox", { name });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

const diffSwitch = (page: Page, isOn: boolean) => page.getByRole("button", { name: "Diff", exact: true, pressed: isOn });

/**
 * Turns the inline diff off, so the editor's text is the document alone (with the diff on, the original's
 * deleted words sit between the new ones). A click before the page has hydrated goes unheard, so it clicks
 * until the switch reads off.
 */
async function hideDiff(page: Page) {
  await expect(async () => {
    if (await diffSwitch(page, true).isVisible()) await diffSwitch(page, true).click();
    await expect(diffSwitch(page, false)).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

/** The editor's diff marks whole words, and its switch (or the d key, which the `?` dialog lists) hides and shows it. */
async function checkEditorDiff(page: Page) {
  const editor = page.getByRole("textbox", { name: "Corrected output" });
  const nearlyOriginal = originalAnswer.replace("your bank", "our bank");
  await rewriteEditor(page, "Corrected output", nearlyOriginal);
  // A character diff strikes out only the "y" of "your"; the word diff replaces the word.
  await expect(editor.getByRole("deletion")).toHaveText("your");
  await expect(page.getByText("1 change from the original")).toBeVisible();
  await expect(diffSwitch(page, true).getByText("on", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("d");
  await expect(diffSwitch(page, false).getByText("off", { exact: true })).toBeVisible();
  await expect(editor.getByRole("deletion")).toHaveCount(0);
  await expect(editor).toHaveText(nearlyOriginal);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByText("Show or hide the diff against the original")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await diffSwitch(page, false).click();
  await expect(editor.getByRole("deletion")).toHaveText("your");
}

/** Labels the item on screen and corrects its output, then submits from the keyboard. */
async function labelAndCorrect(page: Page, reviewUrl: string, optionKey: string, correction: string, options: { checkEditor?: boolean } = {}) {
  await page.goto(reviewUrl);
  await expect(page.getByText(originalAnswer).first()).toBeVisible();
  await expect(page.getByText("Saved")).toBeVisible();
  await page.keyboard.press(optionKey);
  if (options.checkEditor) await checkEditorDiff(page);
  await rewriteEditor(page, "Corrected output", correction);
  await expect(page.getByText("Saved")).toBeVisible();
  if (options.checkEditor) {
    // A second tab of the same annotator opens the same item with the correction as saved, and edits sync back.
    const twin = await page.context().newPage();
    await twin.goto(reviewUrl);
    await hideDiff(twin);
    await expect(twin.getByRole("textbox", { name: "Corrected output" })).toContainText(correction);
    await twin.getByRole("textbox", { name: "Corrected output" }).click();
    await twin.keyboard.press("ControlOrMeta+End");
    await twin.keyboard.type(" Sorry for the wait.");
    await hideDiff(page);
    await expect(page.getByRole("textbox", { name: "Corrected output" })).toContainText(`${correction} Sorry for the wait.`);
    await twin.close();
    await page.getByRole("textbox", { name: "Corrected output" }).click();
  }
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByText("All caught up")).toBeVisible();
}

test("one output goes from ingest to a pulled dataset row: blind review, conflict, live adjudication, release", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const db = openE2eDatabase();
  const project = await seedProject(db, { name: "Whole loop" });
  const [annotatorA, annotatorB, lead, ml] = await Promise.all([
    seedUser(db, { name: "Ana A" }),
    seedUser(db, { name: "Ben B" }),
    seedUser(db, { name: "Lea Lead" }),
    seedUser(db, { name: "Max ML" }),
  ]);
  await seedMembership(db, { projectId: project.id, userId: annotatorA.id, role: "annotator" });
  await seedMembership(db, { projectId: project.id, userId: annotatorB.id, role: "annotator" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  await seedMembership(db, { projectId: project.id, userId: ml.id, role: "ml" });
  const leadActor = { projectId: project.id, userId: lead.id };
  const queue = await createQueue(db, leadActor, {
    name: "Refund answers",
    instructions: "Is the answer **right**?",
    labelSchema: {
      fields: [{ type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "correct", title: "Correct" }, { value: "wrong", title: "Wrong" }] }],
      allowNote: true,
      allowCorrection: true,
    },
    overlap: 2,
    leaseSeconds: 600,
    mode: "blind",
    samplingRule: buildSamplingRule({ tags: ["refunds"], rate: 1 }),
    majorityThreshold: 0.6,
    backfill: false,
  });
  const ingestKey = (await createApiKey(db, leadActor, { name: "prod app", scopes: ["ingest"] })).secret;
  const pullKey = (await createApiKey(db, leadActor, { name: "trainer", scopes: ["datasets:read"] })).secret;
  await db.destroy();

  // 1. The production app sends an output over REST.
  const ingest = await request.post("/api/v1/outputs", {
    headers: { authorization: `Bearer ${ingestKey}` },
    data: {
      outputs: [
        {
          external_id: "chat-42",
          input: [{ role: "user", content: "Where is my refund?" }],
          output: originalAnswer,
          model: "support-bot-v3",
          tags: ["refunds"],
        },
      ],
    },
  });
  expect(ingest.status()).toBe(200);
  expect((await ingest.json()).results[0]).toMatchObject({ status: "created", queued: 1 });

  // 2. Two annotators, each blind to the other, label the same item differently and correct it differently.
  const reviewUrl = `/p/${project.slug}/queues/${queue.id}/review`;
  const pageA = await openAs(browser, annotatorA.email);
  await labelAndCorrect(pageA, reviewUrl, "1", "Refunds arrive in 5 to 7 days.", { checkEditor: true });
  const pageB = await openAs(browser, annotatorB.email);
  await expect(pageB.getByText("Ana A")).toHaveCount(0);
  await labelAndCorrect(pageB, reviewUrl, "2", "Refunds take about a week after the return arrives.");

  // 3. A watches the shared gold document while the lead adjudicates.
  await pageA.goto(`/p/${project.slug}/queues`);
  await pageA.getByRole("link", { name: "Watch adjudication of chat-42" }).click();
  const watchedGold = pageA.getByRole("textbox", { name: "Corrected output (gold)" });
  await expect(watchedGold).toBeVisible();
  // The inline diff interleaves the original's deleted words with the text; A turns it off to read plainly.
  await hideDiff(pageA);

  const leadPage = await openAs(browser, lead.email);
  await leadPage.goto(`/p/${project.slug}/conflicts`);
  await leadPage.getByRole("link", { name: "Adjudicate chat-42" }).click();
  await expect(leadPage.getByRole("group", { name: "Ana A's answer" })).toBeVisible();
  await expect(leadPage.getByRole("group", { name: "Ben B's answer" })).toBeVisible();
  // The shell's `?` dialog lists the gold editor's diff key with this page's own.
  await leadPage.keyboard.press("?");
  const help = leadPage.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByRole("region", { name: "On this page" }).getByText("Show or hide the diff against the original")).toBeVisible();
  await leadPage.keyboard.press("Escape");
  // The first two reviewers who corrected are compared word by word, and either side can be the original instead.
  const comparison = leadPage.getByRole("region", { name: "Compare corrections" });
  const reviewerDiff = comparison.getByRole("figure", { name: "Ben B's correction compared with Ana A's correction" });
  await expect(reviewerDiff).toContainText("+7 / −9 words in Ben B's correction against Ana A's correction");
  await expect(reviewerDiff.getByRole("insertion")).toHaveText([/take about a week after/, /return arrives/]);
  await expect(reviewerDiff.getByRole("deletion")).toHaveText([/arrive in 5 to 7 days\. Sorry for/, /wait/]);
  await comparison.getByLabel("From").selectOption({ label: "Original output" });
  const originalDiff = comparison.getByRole("figure", { name: "Ben B's correction compared with the original output" });
  await expect(originalDiff.getByRole("deletion").first()).toHaveText(/24 hours/);
  await leadPage.getByRole("radio", { name: "Wrong" }).check();
  await rewriteEditor(leadPage, "Corrected output (gold)", leadCorrection);
  await expect(watchedGold).toContainText(leadCorrection);
  await leadPage.getByRole("button", { name: "Finalize gold" }).click();
  await expect(leadPage.getByText(/adjudicated/i).first()).toBeVisible();

  // 4. The ML user defines a dataset over the queue and publishes release 1.
  await publishFirstRelease(browser, { email: ml.email, slug: project.slug, datasetName: "Refund answers SFT", queueName: "Refund answers" });

  // 5. A training job pulls the release over HTTP with an API key.
  const pull = await request.get("/api/v1/datasets/refund-answers-sft/releases/latest", { headers: { authorization: `Bearer ${pullKey}` } });
  expect(pull.status()).toBe(200);
  const rows = (await pull.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    release: 1,
    external_id: "chat-42",
    input: [{ role: "user", content: "Where is my refund?" }],
    output: originalAnswer,
    label: { verdict: "wrong" },
    correction: leadCorrection,
    method: "adjudicated",
    confidence: 1,
  });
});
