import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a lead picks Dawid–Skene and adaptive overlap in the new-queue form, then edits the gate from the queue page", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const lead = await seedUser(db, { name: "Quinn Quality" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });

  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/queues/new`);
  await page.getByLabel("Name").fill("Weighed answers");
  await page.getByLabel("Field 1 title").fill("Verdict");
  await page.getByLabel("Field 1 option 1 title").fill("Helpful");
  await page.getByLabel("Field 1 option 2 title").fill("Harmful");
  await page.getByLabel("Overlap (reviewers per item)").fill("3");
  await page.getByLabel("Consensus").selectOption("dawid_skene");
  await page.getByLabel("Minimum posterior").fill("0.95");
  await page.getByLabel("Maximum overlap (K)").fill("2");
  await page.getByRole("button", { name: /^Create queue/ }).click();
  await expect(page.getByText("maxOverlap must be at least the overlap (3)")).toBeVisible();
  await page.getByLabel("Maximum overlap (K)").fill("5");
  await page.getByRole("button", { name: /^Create queue/ }).click();

  await expect(page.getByRole("heading", { name: "Weighed answers", level: 1 })).toBeVisible();
  await expect(page.getByText("Each item is reviewed by 3 people, who cannot see each other's answers, and by up to 5 when they disagree.")).toBeVisible();
  await expect(page.getByText("Dawid–Skene ≥ 0.95", { exact: true })).toBeVisible();
  await expect(page.getByText("3 up to 5", { exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Queue sections" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Edit resolution and quality" }).click();
  const dialog = page.getByRole("dialog", { name: "Resolution and quality" });
  await dialog.getByLabel("Gate: minimum accuracy").fill("0.8");
  await dialog.getByLabel("Gate: after checks").fill("5");
  await dialog.getByLabel("Gold-check rate").fill("0.9");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("goldItemRate is 0 to 0.5")).toBeVisible();
  await dialog.getByLabel("Gold-check rate").fill("0.1");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("80% after 5 checks", { exact: true })).toBeVisible();

  const queue = await db
    .selectFrom("queues")
    .select(["consensus_method", "min_posterior", "overlap", "max_overlap", "gold_item_rate", "gate_min_accuracy", "gate_min_gold_items", "daily_cap"])
    .where("project_id", "=", project.id)
    .executeTakeFirstOrThrow();
  expect(queue).toEqual({
    consensus_method: "dawid_skene",
    min_posterior: 0.95,
    overlap: 3,
    max_overlap: 5,
    gold_item_rate: 0.1,
    gate_min_accuracy: 0.8,
    gate_min_gold_items: 5,
    daily_cap: null,
  });
  await db.destroy();
});
