import type { Page } from "@playwright/test";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { createApiKey } from "../../server/api-keys/service";
import { publishFirstRelease } from "../datasets/publish-release";
import { expect, openAs, openE2eDatabase, test } from "../fixtures";

const question = [{ role: "user", content: "How long do refunds take?" }];
const slowAnswer = "Refunds take 24 hours.";
const rightAnswer = "Refunds reach your card in 5 to 7 business days.";

/** Presses a pairwise key once the page listens (right after load the key can land before hydration), until the choice shows. */
async function choose(page: Page, key: string, choice: string) {
  await expect(async () => {
    await page.keyboard.press(key);
    await expect(page.getByRole("radio", { name: choice })).toBeChecked({ timeout: 1_000 });
  }).toPass();
}

test("a pairwise queue shows two candidates side by side, answered with A/B/T; a split goes to the lead; the release trains on the chosen candidate", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const db = openE2eDatabase();
  const project = await seedProject(db, { name: "Pairwise" });
  const [lead, ana, ben, ml] = await Promise.all([seedUser(db, { name: "Lena Lead" }), seedUser(db, { name: "Ana A" }), seedUser(db, { name: "Ben B" }), seedUser(db, { name: "Max ML" })]);
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  await seedMembership(db, { projectId: project.id, userId: ml.id, role: "ml" });
  for (const person of [ana, ben]) await seedMembership(db, { projectId: project.id, userId: person.id, role: "annotator" });
  const actor = { projectId: project.id, userId: lead.id };
  const ingestKey = (await createApiKey(db, actor, { name: "prod app", scopes: ["ingest"] })).secret;
  const pullKey = (await createApiKey(db, actor, { name: "trainer", scopes: ["datasets:read"] })).secret;

  // 1. The lead builds the queue: one pairwise field, strength asked, a split goes to a lead.
  const leadPage = await openAs(browser, lead.email);
  await leadPage.goto(`/p/${project.slug}/queues/new`);
  await leadPage.getByLabel("Name").fill("Refund answers A/B");
  await leadPage.getByLabel("Field 1 type").selectOption({ label: "Pairwise" });
  await expect(leadPage.getByText("The queue then reviews only outputs ingested with candidates.")).toBeVisible();
  await leadPage.getByLabel("Field 1 title").fill("Which answer is better?");
  await expect(leadPage.getByLabel("Field 1 asks for strength")).toBeChecked();
  await leadPage.getByLabel("Overlap (reviewers per item)").fill("2");
  await leadPage.getByRole("button", { name: /^Create queue/ }).click();
  await expect(leadPage.getByRole("heading", { name: "Refund answers A/B", level: 1 })).toBeVisible();
  await expect(leadPage.getByText(/A, B or tie, with strength/)).toBeVisible();
  const queue = await db.selectFrom("queues").select("id").where("project_id", "=", project.id).executeTakeFirstOrThrow();

  // 2. The app sends two comparisons and one single output; only the comparisons are queued.
  const ingest = await request.post("/api/v1/outputs", {
    headers: { authorization: `Bearer ${ingestKey}` },
    data: {
      outputs: [
        { external_id: "ab-1", input: question, candidates: [{ output: slowAnswer, model: "bot-v1" }, { output: rightAnswer, model: "bot-v2" }] },
        { external_id: "ab-2", input: question, candidates: [{ output: "Five days." }, { output: "Within a week." }] },
        { external_id: "single", input: question, output: slowAnswer },
        { external_id: "one-candidate", input: question, candidates: [{ output: slowAnswer }] },
      ],
    },
  });
  expect(ingest.status()).toBe(200);
  const results = (await ingest.json()).results as { status: string; queued?: number; field?: string }[];
  expect(results.map((result) => result.status)).toEqual(["created", "created", "created", "rejected"]);
  expect(results.map((result) => result.queued)).toEqual([1, 1, 0, undefined]);
  expect(results[3]!.field).toBe("outputs[3].candidates");

  // 3. Two annotators compare A with B by keyboard: the candidates side by side, the keys in the help.
  // Half the items show B on the left (odd item ids), against position bias; the letters stay with the candidates.
  // Ingest answers once the sampling plan is stored; the queue items follow a moment later.
  const readItemIds = () =>
    db.selectFrom("queue_items").innerJoin("outputs", "outputs.id", "queue_items.output_id").select(["outputs.external_id as externalId", "queue_items.id"]).where("queue_items.queue_id", "=", queue.id).execute();
  await expect.poll(async () => (await readItemIds()).length).toBe(2);
  const itemIds = await readItemIds();
  const isSwapped = (externalId: string) => itemIds.find((item) => item.externalId === externalId)!.id % 2 === 1;
  expect(new Set(itemIds.map((item) => isSwapped(item.externalId))).size).toBe(2);
  const reviewUrl = `/p/${project.slug}/queues/${queue.id}/review`;
  const answers = { [ana.email]: { "ab-1": ["b", "3"], "ab-2": ["a"] }, [ben.email]: { "ab-1": ["b", "2"], "ab-2": ["t"] } } as const;
  for (const person of [ana, ben]) {
    const page = await openAs(browser, person.email);
    await page.goto(reviewUrl);
    let answered = "";
    for (let turn = 0; turn < 2; turn += 1) {
      const candidates = page.getByRole("region", { name: "Candidates" });
      // The next item replaces the one just answered; which of the two comes first is the queue's choice.
      const candidateB = candidates.getByRole("region", { name: "Candidate B" });
      await expect(candidateB).toContainText(answered === "ab-1" ? "Within a week." : answered === "ab-2" ? rightAnswer : /./);
      const externalId = (await candidateB.textContent())?.includes(rightAnswer) ? "ab-1" : "ab-2";
      if (externalId === "ab-1") await expect(candidates.getByRole("region", { name: "Candidate B" })).toContainText("bot-v2");
      const onScreen = isSwapped(externalId) ? ["B", "A"] : ["A", "B"];
      expect(await candidates.getByRole("region", { name: /^Candidate [AB]$/ }).evaluateAll((cards) => cards.map((card) => card.getAttribute("aria-label")))).toEqual(onScreen.map((letter) => `Candidate ${letter}`));
      const sides = page.getByRole("radiogroup", { name: "Which answer is better?" }).getByRole("radio");
      await expect(sides.first()).toHaveAccessibleName(`${onScreen[0]} is better`);
      await expect(sides.last()).toHaveAccessibleName(`${onScreen[1]} is better`);
      const [side, strength] = answers[person.email]![externalId] as readonly string[];
      await choose(page, side!, side === "a" ? "A is better" : side === "b" ? "B is better" : "Tie");
      if (strength) {
        await page.keyboard.press(strength);
        await expect(page.getByRole("radio", { name: ["Slightly", "Clearly", "Much"][Number(strength) - 1] })).toBeChecked();
      }
      if (turn === 0 && person === ana) {
        await page.keyboard.press("?");
        await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Candidate A is better, B is better, or a tie");
        await page.keyboard.press("Escape");
      }
      await page.keyboard.press("Enter");
      answered = externalId;
    }
    await expect(page.getByText("All caught up")).toBeVisible();
    await page.context().close();
  }

  // 4. A and B agreed on ab-1 (strength: the median, rounded); A against a tie on ab-2 is a conflict the lead decides.
  const gold = await db
    .selectFrom("gold_labels")
    .innerJoin("outputs", "outputs.id", "gold_labels.output_id")
    .select(["outputs.external_id as externalId", "gold_labels.values"])
    .where("gold_labels.project_id", "=", project.id)
    .execute();
  expect(gold).toEqual([{ externalId: "ab-1", values: { which_answer_is_better: { choice: "b", strength: 3 } } }]);
  const conflict = await db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select(["queue_items.id", "queue_items.state", "queue_items.conflict_reasons"])
    .where("queue_items.project_id", "=", project.id)
    .where("outputs.external_id", "=", "ab-2")
    .executeTakeFirstOrThrow();
  expect(conflict.state).toBe("conflict");

  await leadPage.goto(`/p/${project.slug}/conflicts/${conflict.id}`);
  await expect(leadPage.getByRole("group", { name: "Ana A's answer" }).getByText("A better")).toBeVisible();
  await expect(leadPage.getByRole("group", { name: "Ben B's answer" }).getByText("tie", { exact: true })).toBeVisible();
  await expect(leadPage.getByRole("region", { name: "Candidate A" })).toContainText("Five days.");
  await choose(leadPage, "b", "B is better");
  await leadPage.keyboard.press("1");
  await expect(leadPage.getByRole("radio", { name: "Slightly" })).toBeChecked();
  // Finalizing sends the gold correction too, so it waits until that document has connected.
  await expect(leadPage.getByText("Saved", { exact: true })).toBeVisible();
  await leadPage.getByRole("button", { name: "Finalize gold" }).click();
  await expect(leadPage.getByText("Gold saved")).toBeVisible();
  await expect(leadPage.getByRole("region", { name: "Final gold" }).getByText("B, slightly better")).toBeVisible();

  // 5. The ML user releases the queue; the DPO export prefers the chosen candidate over the other.
  await publishFirstRelease(browser, { email: ml.email, slug: project.slug, datasetName: "Refund preferences", queueName: "Refund answers A/B" });
  const pull = await request.get("/api/v1/datasets/refund-preferences/releases/latest?format=dpo", { headers: { authorization: `Bearer ${pullKey}` } });
  expect(pull.status()).toBe(200);
  const pairs = (await pull.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(pairs).toHaveLength(2);
  expect(pairs).toContainEqual({ prompt: question, chosen: [{ role: "assistant", content: rightAnswer }], rejected: [{ role: "assistant", content: slowAnswer }] });
  expect(pairs).toContainEqual({ prompt: question, chosen: [{ role: "assistant", content: "Within a week." }], rejected: [{ role: "assistant", content: "Five days." }] });
  await db.destroy();
});
