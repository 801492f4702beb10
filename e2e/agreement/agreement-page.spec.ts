import { seedProjectTeam } from "../../db/seed/factories";
import { seedQueue } from "../../db/seed/loop";
import { seedAgreementScenario } from "../../server/agreement/test-scenario";
import { refreshMetrics } from "../../server/metrics/service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

// Two roles sign in and the page computes its bootstraps on a loaded two-core machine: more than the default minute.
test.describe.configure({ timeout: 120_000 });

test("a lead reads a queue's agreement, its numbers and its judge; an annotator is refused the page", async ({ page, browser }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  // Fold existing rows into the metrics watermarks, so the minute job leaves the seeded α windows alone.
  await refreshMetrics(db, project.id);
  const { queue } = await seedAgreementScenario(db, project.id);
  const empty = await seedQueue(db, { projectId: project.id, name: "Fresh queue" });
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/agreement`);
  await expect(page.getByRole("heading", { name: "Agreement", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Queue sections" }).getByRole("link", { name: "Agreement" })).toHaveAttribute("aria-current", "page");
  const tiles = page.getByRole("region", { name: "Agreement on Verdict" });
  await expect(tiles).toContainText("Krippendorff's α (nominal)");
  await expect(tiles).toContainText("95 % CI");
  await expect(tiles).toContainText("Over the 12 items with 3 answers each");

  // The heatmap says each pair's κ on hover (title) and to assistive technology; the table lists every pair.
  const matrix = page.getByRole("table", { name: "Cohen's κ matrix" });
  await expect(matrix.getByRole("cell", { name: /^Ada Reviewer and Ben Reviewer: κ .* on 12 items$/ })).toHaveAttribute("title", /95 % CI/);
  await expect(matrix.getByRole("cell", { name: "Ada Reviewer and Eve Reviewer: 1 item in common, too few for κ" })).toBeVisible();
  await page.getByRole("group", { name: "Numbers behind the κ matrix" }).getByText("Show the numbers").click();
  await expect(page.getByRole("table", { name: "Cohen's κ per annotator pair" }).getByRole("row")).toHaveCount(5);

  await page.getByRole("group", { name: "Numbers behind α over time" }).getByText("Show the numbers").click();
  await expect(page.getByRole("table", { name: "α per window" })).toContainText("0.61");
  await expect(page.getByRole("table", { name: "α per window" })).toContainText("0.48 – 0.72");

  const annotators = page.getByRole("table", { name: "Agreement per annotator" });
  await expect(annotators.getByRole("row", { name: /Ada Reviewer/ })).toContainText("83 %");
  await expect(annotators.getByRole("row", { name: /Ada Reviewer/ })).toContainText("1/2");
  await expect(page.getByRole("table", { name: "Judge versus human" }).getByRole("row", { name: /gpt-judge/ })).toContainText("12");

  // The shortcut shown on the page switches α to hourly windows.
  await page.keyboard.press("h");
  await expect(page.getByRole("button", { name: "Hourly" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("over the items resolved in each hour (UTC)")).toBeVisible();

  await page.goto(`/p/${project.slug}/queues/${empty.id}/agreement`);
  await expect(page.getByText("Agreement needs items with two or more answers")).toBeVisible();
  await expect(page.getByText("No judge suggestions with gold yet")).toBeVisible();

  const annotatorPage = await browser.newPage();
  await signIn(annotatorPage, members.annotator.email);
  await annotatorPage.goto(`/p/${project.slug}/queues/${queue.id}/agreement`);
  await expect(annotatorPage.getByText("You do not have access to this page")).toBeVisible();
  await annotatorPage.close();
});
