import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { createApiKey } from "../../server/api-keys/service";
import { buildSamplingRule } from "../../server/queues/schema";
import { createQueue } from "../../server/queues/service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

const turns = [
  { question: "Do you ship to Spain?", answer: "Yes, we ship to every EU country." },
  { question: "How long does delivery take?", answer: "Three to five business days." },
  { question: "And to Lisbon?", answer: "Lisbon takes four business days." },
];

test("the last turn of a thread shows its earlier turns folded, in review and in adjudication, opened by click or key", async ({ browser, request }) => {
  // Two people sign in and one of them answers: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const db = openE2eDatabase();
  const project = await seedProject(db, { name: "Threads" });
  const [annotator, lead] = await Promise.all([seedUser(db, { name: "Tia Thread" }), seedUser(db, { name: "Leo Lead" })]);
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  const leadActor = { projectId: project.id, userId: lead.id };
  const queue = await createQueue(db, leadActor, {
    name: "Shipping answers",
    instructions: "",
    labelSchema: { fields: [{ type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "correct", title: "Correct" }, { value: "wrong", title: "Wrong" }] }], allowNote: false, allowCorrection: false },
    overlap: 1,
    leaseSeconds: 600,
    mode: "blind",
    samplingRule: buildSamplingRule({ tags: ["last-turn"], rate: 1 }),
    majorityThreshold: 0.6,
    backfill: false,
  });
  const ingestKey = (await createApiKey(db, leadActor, { name: "prod app", scopes: ["ingest"] })).secret;

  // The app sends a three-turn conversation over REST; only the last turn is sampled into the queue.
  const ingest = await request.post("/api/v1/outputs", {
    headers: { authorization: `Bearer ${ingestKey}` },
    data: {
      outputs: turns.map((turn, index) => ({
        external_id: `shipping-${index + 1}`,
        session_id: "conversation-7",
        input: [{ role: "user", content: turn.question }],
        output: turn.answer,
        tags: index === turns.length - 1 ? ["last-turn"] : [],
        produced_at: `2026-11-30T10:0${index}:00Z`,
      })),
    },
  });
  expect(ingest.status()).toBe(200);
  expect((await ingest.json()).summary).toEqual({ created: 3, duplicate: 0, rejected: 0 });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  await expect(page.getByText("And to Lisbon?")).toBeVisible();
  const reviewToggle = page.getByRole("button", { name: /Earlier in this conversation \(2 turns\)/ });
  await expect(reviewToggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByText("Do you ship to Spain?")).toBeHidden();
  // H folds the earlier turns open and shut; the button says so.
  await expect(reviewToggle.locator("kbd")).toHaveText("H");
  await page.keyboard.press("h");
  await expect(reviewToggle).toHaveAttribute("aria-expanded", "true");
  const earlier = page.getByRole("list", { name: "Earlier turns" });
  await expect(earlier.getByRole("listitem", { name: "Turn 1" })).toContainText("Do you ship to Spain?");
  await expect(earlier.getByRole("listitem", { name: "Turn 2" })).toContainText("Three to five business days.");
  await expect(earlier.getByText("Lisbon takes four business days.")).toHaveCount(0);
  await page.keyboard.press("h");
  await expect(page.getByText("Do you ship to Spain?")).toBeHidden();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog")).toContainText("Show or hide the earlier turns of the conversation");
  await page.keyboard.press("Escape");

  // The answer resolves the item (overlap 1), so the lead can open it on the adjudication page.
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByText("All caught up")).toBeVisible();
  const item = await db.selectFrom("queue_items").select("id").where("queue_id", "=", queue.id).executeTakeFirstOrThrow();
  await db.destroy();

  const leadPage = await (await browser.newContext()).newPage();
  await signIn(leadPage, lead.email);
  await leadPage.goto(`/p/${project.slug}/conflicts/${item.id}`);
  await expect(leadPage.getByText("Lisbon takes four business days.").first()).toBeVisible();
  const adjudicationToggle = leadPage.getByRole("button", { name: /Earlier in this conversation \(2 turns\)/ });
  await expect(adjudicationToggle).toHaveAttribute("aria-expanded", "false");
  await adjudicationToggle.focus();
  await leadPage.keyboard.press("Enter");
  await expect(adjudicationToggle).toHaveAttribute("aria-expanded", "true");
  await expect(leadPage.getByRole("list", { name: "Earlier turns" }).getByRole("listitem")).toHaveCount(2);
  await expect(leadPage.getByText("Do you ship to Spain?")).toBeVisible();
  await adjudicationToggle.click();
  await expect(leadPage.getByText("Do you ship to Spain?")).toBeHidden();
});
