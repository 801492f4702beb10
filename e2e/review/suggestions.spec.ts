import { sql } from "kysely";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_FIELD, VERDICT_ONLY_LABEL_SCHEMA } from "../../db/seed/loop";
import { drawDecoy } from "../../server/sampling/draw";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

const LABEL_ONLY = VERDICT_ONLY_LABEL_SCHEMA;
const SUGGESTION = { source: "gpt-4o-judge", values: { verdict: "helpful" } };

test("a lead turns on pre-selected suggestions; the annotator sees the suggestion pre-selected, and the browser never learns it is a decoy", async ({ browser }) => {
  // Two people sign in and the lead saves a form: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const [lead, annotator] = await Promise.all([seedUser(db, { name: "Lena Lead" }), seedUser(db, { name: "Sam Suggested" })]);
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1, labelSchema: LABEL_ONLY });
  const [item] = await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });
  await db.updateTable("outputs").set({ suggestion: JSON.stringify(SUGGESTION) }).where("id", "=", item!.outputId).execute();

  const leadPage = await (await browser.newContext()).newPage();
  await signIn(leadPage, lead.email);
  await leadPage.goto(`/p/${project.slug}/queues/${queue.id}`);
  await leadPage.getByRole("button", { name: "Edit loop settings" }).click();
  const form = leadPage.getByRole("form", { name: "Loop settings" });
  await form.getByLabel("Suggestions").selectOption("preselected");
  await form.getByLabel("Decoy rate").fill("0.5");
  await form.getByLabel("Holdout fraction").fill("0.1");
  await form.getByRole("checkbox", { name: "Helpful" }).check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();
  await expect(leadPage.getByText("pre-selected", { exact: true })).toBeVisible();
  await expect(leadPage.getByText("50%", { exact: true })).toBeVisible();
  const stored = await db.selectFrom("queues").select(["suggestion_display", "decoy_rate", "holdout_fraction", "approval_values"]).where("id", "=", queue.id).executeTakeFirstOrThrow();
  expect(stored).toEqual({ suggestion_display: "preselected", decoy_rate: 0.5, holdout_fraction: 0.1, approval_values: { verdict: ["helpful"] } });

  // Make the annotator's claim a decoy: the decoy draw is a hash of the assignment id, so move the id sequence to one that draws it.
  const { rows } = await sql<{ name: string }>`select pg_get_serial_sequence('assignments', 'id') as name`.execute(db);
  for (;;) {
    const next = await sql<{ value: string }>`select nextval(${rows[0]!.name}::regclass)::text as value`.execute(db);
    if (drawDecoy(Number(next.rows[0]!.value) + 1).isDecoy < 0.5) break;
  }

  const page = await (await browser.newContext()).newPage();
  await signIn(page, annotator.email);
  const claim = page.waitForResponse((response) => response.url().includes("review.claimNext"));
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  const claimText = await (await claim).text();
  await expect(page.getByRole("heading", { name: "Item to review" })).toBeVisible();

  const assignment = await db.selectFrom("assignments").select(["id", "is_decoy", "shown_suggestion"]).where("queue_item_id", "=", item!.id).executeTakeFirstOrThrow();
  expect(assignment.is_decoy).toBe(true);
  const shown = assignment.shown_suggestion as typeof SUGGESTION;
  expect(shown.values.verdict).not.toBe("helpful");
  // The response carries the decoy as a plain suggestion: the shown value, and no flag anywhere.
  expect(claimText).not.toMatch(/decoy/i);
  expect(claimText).toContain('"suggestion":{"source":"gpt-4o-judge","values":{"verdict":"' + shown.values.verdict + '"}}');
  expect(claimText).not.toContain('"verdict":"helpful"');

  await expect(page.getByText("Suggested by")).toBeVisible();
  await expect(page.getByText("gpt-4o-judge")).toBeVisible();
  const shownTitle = VERDICT_FIELD.options.find((option) => option.value === shown.values.verdict)!.title;
  await expect(page.getByRole("radio", { name: shownTitle })).toBeChecked();

  // The annotator reads the answer and disagrees with the suggestion, with the usual key.
  await page.keyboard.press("1");
  await expect(page.getByRole("radio", { name: "Helpful" })).toBeChecked();
  await page.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByText("All caught up")).toBeVisible();
  const annotation = await db
    .selectFrom("annotations")
    .select(["values", "was_decoy", "counts_toward_gold", "shown_suggestion"])
    .where("assignment_id", "=", assignment.id)
    .executeTakeFirstOrThrow();
  expect(annotation).toEqual({ values: { verdict: "helpful" }, was_decoy: true, counts_toward_gold: false, shown_suggestion: shown });
  // A decoy answer takes no seat: the item waits for an annotator whose answer counts.
  const after = await db.selectFrom("queue_items").select(["state", "submitted_count"]).where("id", "=", item!.id).executeTakeFirstOrThrow();
  expect(after).toEqual({ state: "pending", submitted_count: 0 });
  await db.destroy();
});

test("a lead sets a queue's loop settings in the new-queue form, and the queue page explains them", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const lead = await seedUser(db, { name: "Nora New" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });

  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/queues/new`);
  await page.getByLabel("Name").fill("Watched answers");
  await page.getByLabel("Field 1 title").fill("Verdict");
  await page.getByLabel("Field 1 option 1 title").fill("Helpful");
  await page.getByLabel("Field 1 option 2 title").fill("Harmful");
  await page.getByLabel("Holdout fraction").fill("0.2");
  await page.getByLabel("Suggestions").selectOption("preselected");
  await page.getByLabel("Decoy rate").fill("0.1");
  await page.getByRole("checkbox", { name: "Helpful" }).check();
  await page.getByRole("button", { name: /^Create queue/ }).click();

  await expect(page.getByRole("heading", { name: "Watched answers", level: 1 })).toBeVisible();
  await expect(page.getByText("20%", { exact: true })).toBeVisible();
  await expect(page.getByText("pre-selected", { exact: true })).toBeVisible();
  await expect(page.getByText("10%", { exact: true })).toBeVisible();
  await expect(page.getByText(/uniform random slice that ignores the rule's signal filter/)).toBeVisible();
  const queue = await db
    .selectFrom("queues")
    .select(["holdout_fraction", "suggestion_display", "decoy_rate", "approval_values"])
    .where("project_id", "=", project.id)
    .executeTakeFirstOrThrow();
  expect(queue).toEqual({ holdout_fraction: 0.2, suggestion_display: "preselected", decoy_rate: 0.1, approval_values: { verdict: ["helpful"] } });
  await db.destroy();
});
